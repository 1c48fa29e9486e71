package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.seamless.reactors.render.CredentialKey;
import io.seamless.reactors.render.CredentialSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Credentials as the live Secret holds them: a key already there keeps its value, only a missing one is
 * generated, so that a reconcile never rotates a password by accident. One instance serves one reconcile, and
 * asking twice for a missing key gives the same value.
 */
final class LiveCredentials implements CredentialSource {

    private final Map<String, String> live;
    private final CredentialGenerator generator;
    private final Map<String, String> generated = new HashMap<>();

    LiveCredentials(Secret secret, CredentialGenerator generator) {
        this.live = secret == null || secret.getData() == null ? Map.of() : secret.getData();
        this.generator = generator;
    }

    @Override
    public String value(String secretName, CredentialKey key) {
        String encoded = live.get(key.name());
        if (encoded != null && !encoded.isEmpty()) {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
        return generated.computeIfAbsent(key.name(), name -> generator.generate(key.kind()));
    }
}
