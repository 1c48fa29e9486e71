package io.seamless.domain.engine;

import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.common.ProblemKind;

/** Why a group's shape or version was refused by its engine template. Names and slugs are public: never rename one. */
public enum EngineError implements ErrorCode {
    UNKNOWN_ENGINE(ProblemKind.INVALID, "Unknown engine"),
    UNKNOWN_TOPOLOGY(ProblemKind.INVALID, "Unknown topology for the engine"),
    UNSUPPORTED_VERSION(ProblemKind.INVALID, "Engine version not supported"),
    VERSION_DOWNGRADE(ProblemKind.INVALID, "Major version downgrade"),
    UNKNOWN_FUNCTION_TYPE(ProblemKind.INVALID, "Unknown function type for the topology"),
    INVALID_REPLICAS(ProblemKind.INVALID, "Replica count outside the template's rule"),
    INVALID_SHARDS(ProblemKind.INVALID, "Shard count outside the template's rule");

    private final ProblemKind kind;
    private final String title;

    EngineError(ProblemKind kind, String title) {
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
