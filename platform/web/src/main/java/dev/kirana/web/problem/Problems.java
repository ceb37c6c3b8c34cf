package dev.kirana.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems, the suite's one error format. Throw these from anywhere in a request; the
 * {@link ProblemHandler} renders them as {@code application/problem+json}.
 */
public final class Problems {
    public static final String TYPE_BASE = "https://kirana.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static ErrorResponseException of(HttpStatusCode status, String slug, String title, String detail) {
        return of(status, slug, title, detail, Map.of());
    }

    public static ErrorResponseException of(HttpStatusCode status, String slug, String title, String detail,
                                            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static String slug(HttpStatusCode status) {
        HttpStatus s = HttpStatus.resolve(status.value());
        return s == null ? String.valueOf(status.value()) : s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    /** A 400 listing every field that is wrong. */
    public static ErrorResponseException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return of(HttpStatus.BAD_REQUEST, "validation", "Request is invalid", detail, Map.of("errors", errors));
    }

    public static ErrorResponseException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ErrorResponseException unprocessable(String slug, String detail) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Unprocessable request", detail);
    }

    private Problems() {
    }
}
