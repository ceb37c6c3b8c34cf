package dev.kirana.accounting.chart;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A custom account. Without a group it goes under the type's usual one; a sub-account takes its parent's group. */
@Schema(example = """
        {"code":"1051","name":"HDFC current account 4411","type":"ASSET","parentCode":"1050"}""")
public record AccountRequest(
        @NotBlank @Pattern(regexp = "[0-9]{4,6}", message = "4 to 6 digits") String code,
        @NotBlank @Size(max = 80) String name,
        @NotNull AccountType type,
        AccountGroup group,
        @Pattern(regexp = "[0-9]{4,6}", message = "4 to 6 digits") String parentCode) {
}
