package dev.kirana.web.security;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * States a read operation's {@link Allowed} access in its OpenAPI entry: "(owner, manager, auditor; scope accounting:read)"
 * at the end of the description, a 403 response, and {@code x-kirana-roles} / {@code x-kirana-scope} for clients
 * and tests that read the document.
 */
public class AccessDocs implements OperationCustomizer {
    public static final String ROLES = "x-kirana-roles";
    public static final String SCOPE = "x-kirana-scope";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        Access access = OperationAccess.of(handlerMethod);
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        boolean read = mapping != null && (mapping.method().length == 0 || Arrays.asList(mapping.method()).contains(RequestMethod.GET));
        if (access == null || !read) {
            return operation;
        }
        String who = "(" + access.describe() + ")";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + " " + who);
        List<String> roles = access.roles().stream().map(Enum::name).toList();
        operation.addExtension(ROLES, roles);
        operation.addExtension(SCOPE, access.scope());
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (!operation.getResponses().containsKey("403")) {
            operation.getResponses().addApiResponse("403", new ApiResponse()
                    .description("Neither a role nor a scope of the caller allows this " + who + "; a problem+json body")
                    .content(dev.kirana.web.OpenApiConventions.problem()));
        }
        return operation;
    }
}
