package io.seamless.projections.servicegroup;

/**
 * The query names an operation of which the read model holds no event: never asked for, refused, or asked for
 * and found to change nothing (an idempotent repeat records no event, so there is no progress to show).
 */
class OperationNotFoundException extends RuntimeException {

    OperationNotFoundException(String group, String operationId) {
        super("service group '" + group + "' has no recorded operation '" + operationId + "'");
    }
}
