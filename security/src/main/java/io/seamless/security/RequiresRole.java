package io.seamless.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role an endpoint of {@code /api} needs. On a handler method, or on its controller for all of
 * its methods (the method's wins). An API handler without one is refused to everybody: access is
 * declared, never assumed. The OpenAPI document shows it as {@code x-seamless-role}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role value();
}
