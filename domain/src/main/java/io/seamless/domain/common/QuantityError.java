package io.seamless.domain.common;

/** Why a Kubernetes resource quantity was refused. Names and slugs are public: never rename one. */
public enum QuantityError implements ErrorCode {
    INVALID_QUANTITY(ProblemKind.INVALID, "Invalid resource quantity");

    private final ProblemKind kind;
    private final String title;

    QuantityError(ProblemKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ProblemKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
