package io.seamless.domain.common;

import java.util.Locale;

/**
 * A stable, typed reason why a command was refused. Its {@link #name()} is the {@code errorCode}
 * of the problem document and its {@link #slug()} the last segment of the problem {@code type}:
 * both are public contract and never change once released.
 */
public interface ErrorCode {

    String name();

    ProblemKind kind();

    /** A short, stable, human-readable summary of the kind of problem. */
    String title();

    default String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
