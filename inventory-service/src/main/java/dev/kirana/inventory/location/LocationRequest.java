package dev.kirana.inventory.location;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(example = """
        {"code":"GODOWN-1","name":"Back godown","kind":"GODOWN","isDefault":false}""")
public record LocationRequest(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and - only") String code,
        @NotBlank @Size(max = 80) String name,
        @NotNull Kind kind,
        Boolean isDefault) {

    public enum Kind { COUNTER, GODOWN, WAREHOUSE }
}
