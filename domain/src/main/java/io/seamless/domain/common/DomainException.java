package io.seamless.domain.common;

/**
 * A command refused by the domain. It carries a typed {@link ErrorCode} so that every caller
 * (REST, tests, other aggregates' sagas) can react to the kind of refusal, not to a message text.
 * Thrown before anything is applied, so a refused command records nothing.
 */
public class DomainException extends RuntimeException {

    private final transient ErrorCode errorCode;

    public DomainException(ErrorCode errorCode, String detail) {
        super(detail);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
