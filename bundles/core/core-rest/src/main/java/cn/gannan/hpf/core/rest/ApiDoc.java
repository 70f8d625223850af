package cn.gannan.hpf.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text of a resource class (its OpenAPI tag) or of a resource method (the operation's summary) in
 * {@code /api/openapi.json}. Optional: undocumented resources are listed too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ApiDoc {

    /** One line: the tag description of a class, the summary of a method. */
    String value();

    /** Longer text, optional. */
    String description() default "";

    /**
     * The body type of a method that returns {@code javax.ws.rs.core.Response}, for the description;
     * {@code Void.class} when there is none or the return type says it already.
     */
    Class<?> response() default Void.class;

    /** The element type when {@link #response()} is a list. */
    boolean responseIsList() default false;
}
