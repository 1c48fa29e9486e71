package io.seamless.command.web;

import io.seamless.domain.common.ErrorCode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The domain refusals a controller's writes can answer, by their {@link ErrorCode} enums. The OpenAPI
 * document lists every code of these under its HTTP status ({@link RefusalDocumentation}), next to
 * the request problems every write can get, so a client sees each problem type it must handle.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Refusals {
    Class<? extends ErrorCode>[] value();
}
