package dev.kirana.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a read operation (on a handler method, or on its controller for all of them): checked by
 * {@link OperationAccess} before the operation runs (a 403 problem otherwise) and stated in its OpenAPI entry.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {
    Access value();
}
