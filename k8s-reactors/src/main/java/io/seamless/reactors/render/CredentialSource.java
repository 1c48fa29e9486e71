package io.seamless.reactors.render;

/**
 * Where a credential's value comes from. The reconciler implements it over the live Secret: the value already
 * there, and a freshly generated one only for a key the Secret lacks. That keeps credentials "created once, never
 * rotated by accident" while the renderer stays pure.
 */
@FunctionalInterface
public interface CredentialSource {

    /** The value of {@code key} in the Secret {@code secretName}; never null. */
    String value(String secretName, CredentialKey key);
}
