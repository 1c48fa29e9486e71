package io.seamless.reactors.desired;

/**
 * A desired-state document this reactor cannot act on. It names the field (a JSON path such as
 * {@code units[2].resources.cpu}) so that the reconciler can report it as the reason of {@code Ready=False}
 * instead of crashing, and an operator can find the faulty writer.
 */
public class InvalidDesiredStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidDesiredStateException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The JSON path of the offending field; {@code $} for the document as a whole. */
    public String field() {
        return field;
    }
}
