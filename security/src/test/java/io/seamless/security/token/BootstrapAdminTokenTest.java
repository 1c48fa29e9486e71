package io.seamless.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.security.SeamlessSecurityProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** The first start prints an admin token once; later starts print nothing; the printed token works. */
class BootstrapAdminTokenTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private ApiTokenStore store;
    private ApiTokenService tokens;
    private ApiTokenVerifier verifier;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bootstrap-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new TokenSchema(dataSource).afterPropertiesSet();
        store = new ApiTokenStore(JdbcClient.create(dataSource));
        verifier = new ApiTokenVerifier(store, Duration.ofSeconds(5), Clock.systemUTC());
        tokens = new ApiTokenService(store, verifier, new SeamlessSecurityProperties.ApiTokens(true,
                Duration.ofDays(90), Duration.ofDays(366), Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @Test
    void printsAWorkingAdminTokenOnTheFirstStartOnly() {
        start();
        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("export SEAMLESS_TOKEN=(slt_\\S+)").matcher(printed);
        assertThat(token.find()).as(printed).isTrue();
        assertThat(verifier.authenticate(new BearerTokenAuthenticationToken(token.group(1))).getName())
                .isEqualTo("apitoken:bootstrap-admin");
        assertThat(store.all()).singleElement().satisfies(row -> {
            assertThat(row.secretHash()).doesNotContain(token.group(1).substring(21));
            assertThat(row.createdBy()).isEqualTo("system:bootstrap");
        });

        console.reset();
        start();
        assertThat(console.size()).isZero();
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void printsNothingWhenSwitchedOff() {
        new BootstrapAdminToken(store, tokens, new SeamlessSecurityProperties.BootstrapAdmin(false, null,
                Duration.ofDays(1)), new PrintStream(console, true, StandardCharsets.UTF_8)).afterPropertiesSet();
        assertThat(console.size()).isZero();
        assertThat(store.anyEverIssued()).isFalse();
    }

    private void start() {
        new BootstrapAdminToken(store, tokens, new SeamlessSecurityProperties.BootstrapAdmin(true, null,
                Duration.ofDays(366)), new PrintStream(console, true, StandardCharsets.UTF_8)).afterPropertiesSet();
    }
}
