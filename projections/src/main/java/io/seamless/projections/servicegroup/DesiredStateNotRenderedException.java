package io.seamless.projections.servicegroup;

/** The group exists but no desired-state document could be rendered for it yet; the message says why. */
class DesiredStateNotRenderedException extends RuntimeException {

    DesiredStateNotRenderedException(String group, String renderError) {
        super("no desired state of service group '" + group + "' could be rendered: " + renderError);
    }
}
