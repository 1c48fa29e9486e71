package io.seamless.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * Says what is wrong with an unreadable body without echoing Jackson's internals (class names,
 * source excerpts) to the caller.
 */
final class MalformedBody {

    private MalformedBody() {
    }

    static String describe(Exception e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "a value has the wrong type" + at(invalid);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "a value has the wrong type or shape" + at(mismatched);
        }
        if (cause instanceof StreamConstraintsException) {
            return "the body is nested too deeply or holds a number or text too long to read";
        }
        if (cause instanceof JsonProcessingException json) {
            // Some parse errors carry no location: say what we know rather than fail to answer at all.
            return json.getLocation() == null ? "the body is not valid JSON"
                    : "the body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")";
        }
        return "the request body is missing or unreadable";
    }

    private static String at(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        return " at '" + e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")) + "'";
    }
}
