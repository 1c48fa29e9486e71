package io.seamless.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Active when {@code seamless.roles} (default: every role) names the {@code command} role. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${seamless.roles:command,projections,reactors}'.contains('command')")
public @interface ConditionalOnCommandRole {
}
