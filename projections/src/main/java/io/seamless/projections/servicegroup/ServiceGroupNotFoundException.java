package io.seamless.projections.servicegroup;

/** The query names a group the read model does not hold (never created, or deleted). */
class ServiceGroupNotFoundException extends RuntimeException {

    ServiceGroupNotFoundException(String group) {
        super("service group '" + group + "' does not exist");
    }
}
