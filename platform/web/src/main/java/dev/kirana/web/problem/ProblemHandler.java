package dev.kirana.web.problem;

import dev.kirana.web.CorrelatedLog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** Renders every error of an annotated controller as RFC 9457 problem+json: 4xx says what is wrong, 5xx says nothing internal. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        List<Problems.FieldError> errors = ex.getFieldErrors().stream()
                .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        List<Problems.FieldError> global = ex.getGlobalErrors().stream()
                .map(e -> new Problems.FieldError(e.getObjectName(), e.getDefaultMessage()))
                .toList();
        var all = new java.util.ArrayList<>(errors);
        all.addAll(global);
        return Mono.just(toEntity(Problems.invalid(all).getBody()));
    }

    /** Built-in method validation (constraints on parameters, and {@code @Valid} bodies next to them). */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                                 HttpHeaders headers, HttpStatusCode status,
                                                                                 ServerWebExchange exchange) {
        List<Problems.FieldError> errors = new java.util.ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors pe) {
                pe.getFieldErrors().forEach(e -> errors.add(new Problems.FieldError(e.getField(), e.getDefaultMessage())));
                pe.getGlobalErrors().forEach(e -> errors.add(new Problems.FieldError(e.getObjectName(), e.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(e -> errors.add(new Problems.FieldError(
                        name == null ? "parameter" : name, e.getDefaultMessage())));
            }
        }
        return Mono.just(toEntity(Problems.invalid(errors).getBody()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof DataBufferLimitException) && cause.getCause() != null && cause != cause.getCause()) {
            if (cause instanceof DecodingException) break;
            cause = cause.getCause();
        }
        if (cause instanceof DataBufferLimitException) {
            return Mono.just(toEntity(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    "The request body is larger than this endpoint accepts").getBody()));
        }
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof tools.jackson.databind.exc.InvalidFormatException f && f.getOriginalMessage() != null) {
                for (String refused : List.of(dev.kirana.web.NulText.MESSAGE, dev.kirana.web.NulText.CONTROL_MESSAGE,
                        dev.kirana.web.PlainDecimal.MESSAGE)) {
                    if (f.getOriginalMessage().startsWith(refused)) {
                        return Mono.just(toEntity(Problems.invalid(path(f), refused).getBody()));
                    }
                }
            }
        }
        String detail = ex.getReason() == null ? "The request could not be read" : ex.getReason();
        if (cause instanceof DecodingException) {
            detail = "The request body is not valid JSON for this endpoint";
        }
        return Mono.just(toEntity(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail).getBody()));
    }

    /**
     * A path variable that converts to nothing (a UUID of only whitespace or control characters, "%1F") is reported by
     * WebFlux as a server error naming the variable: it is the client's value, a 400 naming it.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerErrorException(org.springframework.web.server.ServerErrorException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      ServerWebExchange exchange) {
        var parameter = ex.getMethodParameter();
        if (parameter != null && parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            String name = ex.getReason() == null ? "path" : ex.getReason();
            return Mono.just(toEntity(Problems.invalid(name, "is not a valid value").getBody()));
        }
        return super.handleServerErrorException(ex, headers, status, exchange);
    }

    /** Where in the body a value was refused: {@code lines[0].name}. */
    private static String path(tools.jackson.core.JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (var r : e.getPath()) {
            if (r.getPropertyName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    @ExceptionHandler(DataBufferLimitException.class)
    Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException ex) {
        return Mono.just(toEntity(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "The request body is larger than this endpoint accepts").getBody()));
    }

    /**
     * A body that cannot be read as its Content-Type says, met where an endpoint reads it itself (multipart parts, a
     * multipart Content-Type without its boundary): the client's mistake, a 400.
     */
    @ExceptionHandler(DecodingException.class)
    Mono<ResponseEntity<Object>> undecodable(DecodingException ex) {
        return CorrelatedLog.write(() -> log.info("request body not readable: {}", ex.getMessage()))
                .thenReturn(toEntity(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body cannot be read as its Content-Type says").getBody()));
    }

    /** Constraints checked by a {@code @Validated} bean (method validation through a proxy). */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    Mono<ResponseEntity<Object>> constraintViolation(jakarta.validation.ConstraintViolationException ex) {
        List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath() == null ? "" : v.getPropertyPath().toString();
                    // "list.size" → "size": the parameter, not the method
                    String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
                    return new Problems.FieldError(field, v.getMessage());
                })
                .sorted(java.util.Comparator.comparing(Problems.FieldError::field))
                .toList();
        return Mono.just(toEntity(Problems.invalid(errors).getBody()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Mono<ResponseEntity<Object>> conflict(DataIntegrityViolationException ex) {
        return CorrelatedLog.write(() -> log.info("write refused by a database constraint: {}", ex.getMostSpecificCause().getMessage()))
                .thenReturn(toEntity(Problems.conflict("The change conflicts with existing data").getBody()));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception ex) {
        return CorrelatedLog.write(() -> log.error("unhandled error", ex))
                .thenReturn(toEntity(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing was changed by a request that failed this way").getBody()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse er) {
            body = er.getBody();
        }
        if (body instanceof ProblemDetail pd && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            pd.setType(Problems.type(Problems.slug(status)));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private static ResponseEntity<Object> toEntity(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
