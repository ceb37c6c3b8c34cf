package dev.kirana.accounting.expense;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new expense category, or changes to one (fields left out stay as they are). Without {@code accountCode} a new
 * expense account named after the category is opened in the chart (the first free code from 5390); an
 * {@code accountCode} not in the chart yet is opened with that code.
 */
@Schema(example = """
        {"code":"SECURITY","name":"Night watchman","accountCode":null}""")
public record CategoryRequest(String code, String name, String accountCode, Boolean active) {
}
