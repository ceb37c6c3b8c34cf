package dev.kirana.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiConventionsTest {

    @Test
    void typesGetTheShortestNameThatSetsThemApart() {
        List<String> all = List.of("dev.kirana.accounting.purchase.PurchaseBill$Line", "dev.kirana.accounting.purchase.PurchaseReturnRequest$Line",
                "dev.kirana.accounting.khata.ReversalRequest", "dev.kirana.accounting.journal.JournalEntryController$ReversalRequest",
                "dev.kirana.accounting.bank.BankAccount");
        assertThat(all.stream().map(n -> OpenApiConventions.shortName(n, all))).containsExactly(
                "PurchaseBill.Line", "PurchaseReturnRequest.Line", "khata.ReversalRequest", "JournalEntryController.ReversalRequest",
                "BankAccount");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theDocumentSaysWhatTheServiceDoes() {
        Schema line = new JsonSchema().types(Set.of("object")).required(List.of("quantity"))
                .addProperty("quantity", new JsonSchema().types(Set.of("number")).minimum(BigDecimal.ZERO))
                .addProperty("note", new JsonSchema().types(Set.of("string")));
        Schema order = new JsonSchema().types(Set.of("object"))
                .addProperty("lines", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/dev.kirana.order.Order$Line")));
        Operation get = new Operation().addParametersItem(new Parameter().name("code").in("path")
                        .schema(new JsonSchema().types(Set.of("string"))).example(1000))
                // documented with only its 404, the generator put the result there and left out the 200
                .responses(new ApiResponses().addApiResponse("404", new ApiResponse().description("No such order")
                        .content(new Content().addMediaType("*/*", new MediaType().schema(new Schema<>().$ref("#/components/schemas/dev.kirana.order.Order"))))));
        Operation login = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        OpenAPI doc = new OpenAPI().components(new Components().addSchemas("dev.kirana.order.Order$Line", line).addSchemas("dev.kirana.order.Order", order))
                .paths(new Paths().addPathItem("/api/v1/orders/{code}", new PathItem().get(get))
                        .addPathItem("/api/v1/auth/login", new PathItem().post(login)));

        new OpenApiConventions(List.of("/api/v1/auth/login")).customise(doc);

        Schema quantity = (Schema) doc.getComponents().getSchemas().get("Line").getProperties().get("quantity");
        assertThat(quantity.getTypes()).containsExactly("string");
        assertThat(quantity.getPattern()).isEqualTo(OpenApiConventions.NON_NEGATIVE_DECIMAL);
        assertThat(quantity.getMinimum()).isNull();
        assertThat(quantity.getDescription()).isEqualTo("a decimal string, at least 0");
        Schema note = (Schema) doc.getComponents().getSchemas().get("Line").getProperties().get("note");
        assertThat(note.getTypes()).containsExactlyInAnyOrder("string", "null");
        Schema lines = (Schema) doc.getComponents().getSchemas().get("Order").getProperties().get("lines");
        assertThat(lines.getItems().get$ref()).isEqualTo("#/components/schemas/Line");

        ApiResponses answers = doc.getPaths().get("/api/v1/orders/{code}").getGet().getResponses();
        assertThat(answers.get("200").getContent().get("*/*").getSchema().get$ref()).isEqualTo("#/components/schemas/Order");
        assertThat(answers.get("404").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(answers).containsKeys("400", "401", "404");
        assertThat(get.getParameters().get(0).getExample()).isEqualTo("1000");

        Operation publicOne = doc.getPaths().get("/api/v1/auth/login").getPost();
        assertThat(publicOne.getSecurity()).isEmpty();
        assertThat(publicOne.getResponses()).containsOnlyKeys("200");
        assertThat(doc.getComponents().getSchemas()).containsKey("Problem");
    }
}
