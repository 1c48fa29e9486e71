package io.seamless.schemas;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * {@code pattern} with java.util.regex, but with the {@code $} of ECMA-262 (the dialect of JSON
 * Schema): the end of the input only. Java's {@code $} also matches before a final line terminator,
 * so with the validator's default factory {@code "orders-net\n"} would pass
 * {@code ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$}. Every {@code $} outside a character class and not escaped
 * becomes {@code \z}; the rest of the pattern is left to java.util.regex, which reads the subset of
 * ECMA-262 used by these schemas the same way.
 */
final class EcmaAnchoredRegularExpressions implements RegularExpressionFactory {

    static final EcmaAnchoredRegularExpressions INSTANCE = new EcmaAnchoredRegularExpressions();

    private EcmaAnchoredRegularExpressions() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(toJava(regex));
        return value -> pattern.matcher(value).find();
    }

    static String toJava(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (c == '$' && !inClass) {
                java.append("\\z");
            } else {
                inClass = c == '[' || (inClass && c != ']');
                java.append(c);
            }
        }
        return java.toString();
    }
}
