package io.seamless.domain.common;

/** How a refused command is reported to its caller; the Command API maps each kind to one HTTP status. */
public enum ProblemKind {
    /** The request is well formed but breaks an invariant of the aggregate (HTTP 422). */
    INVALID,
    /** The request conflicts with the current state, e.g. an exhausted pool (HTTP 409). */
    CONFLICT,
    /** The addressed aggregate does not exist (HTTP 404). */
    NOT_FOUND
}
