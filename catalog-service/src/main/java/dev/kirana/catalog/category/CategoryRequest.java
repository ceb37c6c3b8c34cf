package dev.kirana.catalog.category;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

@Schema(example = """
        {"name":"Staples","parentId":"0b6f0f43-5f8e-4a54-9d0c-1c3d2f6a7b80"}""")
public record CategoryRequest(
        @NotBlank @Size(max = CategoryPath.MAX_NAME) @Pattern(regexp = "[^>/]*", message = "must not contain '>' or '/'") String name,
        UUID parentId) {
}
