package io.seamless.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.seamless.security.testapp.SecurityTestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * OIDC/JWT bearer tokens next to API tokens: signature, audience and expiry checked by Spring
 * Security's resource server, roles read from a nested claim (Keycloak's realm_access.roles), the
 * configured claim naming the actor.
 */
@SpringBootTest(classes = SecurityTestApplication.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:jwt;DB_CLOSE_DELAY=-1",
    "spring.security.oauth2.resourceserver.jwt.audiences=seamless-api",
    "seamless.security.jwt.roles-claim=realm_access.roles",
    "seamless.security.jwt.principal-claim=preferred_username"})
@AutoConfigureMockMvc
class JwtAuthenticationTest {

    private static final KeyPair ISSUER = rsa();
    private static final KeyPair STRANGER = rsa();

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("seamless-jwt", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        pem.toFile().deleteOnExit();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aSignedTokenForThisAudienceActsAsItsNamedUserWithItsRoles() throws Exception {
        String operator = jwt(ISSUER, "seamless-api", List.of("operator", "root"), Instant.now().plusSeconds(300));
        as(post("/api/v1/guarded/operations"), operator).andExpect(status().isOk())
                .andExpect(jsonPath("$.actor").value("alice"));
        as(get("/api/v1/guarded"), operator).andExpect(status().isOk());
        as(get("/api/v1/api-tokens"), operator).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("this endpoint needs the role 'admin'; your roles: operator"));
    }

    @Test
    void aTokenForAnotherAudienceSignedByAnotherKeyOrExpiredIsRefused() throws Exception {
        List<String> roles = List.of("admin");
        Instant later = Instant.now().plusSeconds(300);
        as(get("/api/v1/guarded"), jwt(ISSUER, "another-api", roles, later)).andExpect(status().isUnauthorized());
        as(get("/api/v1/guarded"), jwt(STRANGER, "seamless-api", roles, later)).andExpect(status().isUnauthorized());
        as(get("/api/v1/guarded"), jwt(ISSUER, "seamless-api", roles, Instant.now().minusSeconds(600)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/unauthenticated"));
    }

    @Test
    void aTokenWithoutRolesGetsNoWriteAndNoRead() throws Exception {
        String nobody = jwt(ISSUER, "seamless-api", List.of(), Instant.now().plusSeconds(300));
        as(get("/api/v1/guarded"), nobody).andExpect(status().isForbidden());
    }

    private ResultActions as(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private static String jwt(KeyPair key, String audience, List<String> roles, Instant expiry) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("f3b1c2d4").claim("preferred_username", "alice")
                .audience(audience).issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim("realm_access", Map.of("roles", roles)).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        token.sign(new RSASSASigner(key.getPrivate()));
        return token.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
