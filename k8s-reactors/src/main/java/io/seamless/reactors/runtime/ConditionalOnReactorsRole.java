package io.seamless.reactors.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Activates a bean only in a process that runs the {@code reactors} role. The server's component scan reaches every
 * class of this module, so each scanned component carries this condition itself.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ReactorsRoleCondition.class)
public @interface ConditionalOnReactorsRole {
}
