package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the {@code units.seamless.io} CRD from the manifest this module ships, or upgrades it. Whether the live
 * CRD is the manifest's is told by a digest annotation, not by comparing specs: a real API server defaults fields
 * of a CRD's spec, so a comparison would see a difference at every start.
 */
public final class CrdInstaller {

    /** The SHA-256 of the manifest the live CRD was written from. */
    public static final String MANIFEST_DIGEST = "seamless.io/manifest-sha256";
    /** The class-path resource of the CRD manifest this module ships. */
    public static final String MANIFEST = "/crds/units.seamless.io.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);

    private final KubernetesClient client;

    public CrdInstaller(KubernetesClient client) {
        this.client = client;
    }

    /** What {@link #install} did. */
    public enum Outcome {
        CREATED, UPGRADED, UNCHANGED
    }

    public Outcome install() {
        byte[] manifest = manifest();
        CustomResourceDefinition desired = Serialization.unmarshal(new String(manifest, StandardCharsets.UTF_8),
                CustomResourceDefinition.class);
        Map<String, String> annotations = new HashMap<>(desired.getMetadata().getAnnotations() == null ? Map.of()
                : desired.getMetadata().getAnnotations());
        annotations.put(MANIFEST_DIGEST, digest(manifest));
        desired.getMetadata().setAnnotations(annotations);
        var crds = client.apiextensions().v1().customResourceDefinitions();
        CustomResourceDefinition live = crds.withName(desired.getMetadata().getName()).get();
        if (live == null) {
            crds.resource(desired).create();
            LOG.info("CRD {} created", desired.getMetadata().getName());
            return Outcome.CREATED;
        }
        Map<String, String> liveAnnotations = live.getMetadata().getAnnotations();
        if (liveAnnotations != null && annotations.get(MANIFEST_DIGEST).equals(liveAnnotations.get(MANIFEST_DIGEST))) {
            return Outcome.UNCHANGED;
        }
        // Optimistic: if another replica upgrades at the same moment, the conflict fails this start, not the CRD.
        desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        crds.resource(desired).update();
        LOG.info("CRD {} upgraded to the manifest of this version", desired.getMetadata().getName());
        return Outcome.UPGRADED;
    }

    private static byte[] manifest() {
        try (InputStream in = CrdInstaller.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("the CRD manifest " + MANIFEST + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] manifest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
