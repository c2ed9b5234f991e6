package org.casinoloyalty.generator.control;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a control endpoint that changes the generator. {@link StateChangeGuard} refuses such a call
 * when a browser says another site started it, and asks for the API key when one is configured; a
 * new endpoint is guarded by carrying this annotation, not by a list of paths.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ChangesState {

}
