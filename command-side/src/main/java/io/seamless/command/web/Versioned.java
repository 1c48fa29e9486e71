package io.seamless.command.web;

/**
 * An answer about one aggregate at one version: sent with {@code ETag: "<version>"}, the value a
 * later write names in {@code If-Match} to apply only if nobody changed the aggregate meanwhile.
 */
public interface Versioned {

    long version();
}
