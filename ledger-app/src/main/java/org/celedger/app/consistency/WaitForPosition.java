package org.celedger.app.consistency;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents, in the OpenAPI document, the consistency parameter of a read over a view: the read itself
 * takes it from the request ({@link ReadConsistency#awaitView}), as a query parameter or a header.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = ReadConsistency.WAIT_PARAMETER, in = ParameterIn.QUERY, required = false,
        description = "a write's position: answer only once the view includes it (bounded wait, else 503 with"
                + " Retry-After); also the header " + ReadConsistency.WAIT_HEADER,
        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
public @interface WaitForPosition {
}
