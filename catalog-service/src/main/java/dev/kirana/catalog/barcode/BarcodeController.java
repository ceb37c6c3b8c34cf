package dev.kirana.catalog.barcode;

import dev.kirana.catalog.gs1.Symbology;
import dev.kirana.catalog.product.Product;
import dev.kirana.catalog.product.ProductService;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Barcodes of products: in-store EAN-13s for those without one, barcode images, and shelf label sheets. */
@RestController
@Allowed(Access.CATALOG)
@RequestMapping("/api/v1/products")
@Tag(name = "Barcodes and labels")
public class BarcodeController {
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    /** One request numbers at most this many products, and prints at most this many labels (100 sheets). */
    static final int MAX_PRODUCTS = 1000;
    static final int MAX_LABELS = 2400;
    private final ProductService products;
    private final BarcodeSeries series;

    public BarcodeController(ProductService products, BarcodeSeries series) {
        this.products = products;
        this.series = series;
    }

    @Schema(example = """
            {"productIds":["5f0c7f7e-2f7a-4c55-9a53-6a0f6f1e8c21"]}""")
    public record BarcodeRequest(@Size(max = MAX_PRODUCTS) List<@NotNull UUID> productIds) {
    }

    /** A product and the barcode it was given. */
    public record AssignedBarcode(UUID productId, String sku, String name, String barcode, Symbology symbology) {
    }

    @PostMapping("/barcodes")
    @Operation(summary = "Give products without a barcode an in-store EAN-13 (owner or manager)",
            description = "Codes are GS1 GTIN-13s from the restricted-circulation prefix 200 (never a manufacturer's), "
                    + "numbered per shop with their check digit. Without productIds every active product without a barcode "
                    + "is numbered (at most 1000 at a time), in SKU order. A product that already has a barcode is a 409 and "
                    + "nothing changes. Each product publishes product.updated.")
    public Mono<List<AssignedBarcode>> assign(@AuthenticationPrincipal ShopPrincipal me,
                                              @Valid @RequestBody(required = false) BarcodeRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        Mono<List<UUID>> ids = request == null || request.productIds() == null
                ? products.withoutBarcode(shop, MAX_PRODUCTS)
                : Mono.just(List.copyOf(new LinkedHashSet<>(request.productIds())));
        return ids.flatMap(list -> products.assignBarcodes(shop, me.subject(), list, owners -> series.next(shop, owners)))
                .map(assigned -> assigned.stream().map(p -> new AssignedBarcode(p.id(), p.sku(), p.name(), p.barcode(),
                        Symbology.of(p.barcode()))).toList());
    }

    @GetMapping(path = "/{id}/barcode.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The product's barcode as a PNG image",
            description = "EAN-13, EAN-8 or UPC-A for a GTIN with a valid check digit, Code 128 for any other code; "
                    + "symbology=code128 draws a GTIN as Code 128 too. A product without a barcode is a 404.")
    public Mono<ResponseEntity<byte[]>> image(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                              @Parameter(description = "auto (default) or code128")
                                              @RequestParam(defaultValue = "auto") String symbology) {
        boolean code128 = switch (symbology.toLowerCase(Locale.ROOT)) {
            case "auto" -> false;
            case "code128" -> true;
            default -> throw Problems.invalid("symbology", "auto or code128");
        };
        return products.get(me.requireShop(), id)
                .flatMap(p -> p.barcode() == null ? Mono.error(Problems.notFound("Product " + p.sku() + " has no barcode"))
                        : Mono.fromCallable(() -> BarcodeImage.png(p.barcode(), code128 ? Symbology.CODE_128 : Symbology.of(p.barcode())))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noCache()).body(png));
    }

    @Schema(example = """
            {"labels":[{"productId":"5f0c7f7e-2f7a-4c55-9a53-6a0f6f1e8c21","copies":3}],"showMrp":true}""")
    public record LabelRequest(@NotEmpty @Size(max = MAX_PRODUCTS) List<@NotNull @Valid LabelLine> labels, Boolean showMrp) {
    }

    public record LabelLine(@NotNull UUID productId, @Min(1) @Max(MAX_LABELS) Integer copies) {
    }

    @PostMapping(path = "/labels", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A PDF of shelf labels: name, price, MRP and barcode, 24 to an A4 sheet (3 × 8, 63.5 × 33.9 mm)",
            description = "Copies default to 1; at most 2400 labels. A product without a barcode is a 422 naming it "
                    + "(POST /api/v1/products/barcodes gives it one).")
    public Mono<ResponseEntity<byte[]>> labels(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody LabelRequest request) {
        String shop = me.requireShop();
        int total = request.labels().stream().mapToInt(l -> l.copies() == null ? 1 : l.copies()).sum();
        if (total > MAX_LABELS) {
            throw Problems.invalid("labels", "at most " + MAX_LABELS + " labels in one sheet set, not " + total);
        }
        boolean showMrp = request.showMrp() == null || request.showMrp();
        return Flux.fromIterable(request.labels()).concatMap(line -> products.get(shop, line.productId())
                        .map(p -> new Line(p, line.copies() == null ? 1 : line.copies())))
                .collectList()
                .flatMap(lines -> {
                    List<String> missing = lines.stream().filter(l -> l.product().barcode() == null).map(l -> l.product().sku()).distinct().toList();
                    if (!missing.isEmpty()) {
                        return Mono.error(Problems.unprocessable("no-barcode", "These products have no barcode: "
                                + String.join(", ", missing) + " (POST /api/v1/products/barcodes gives them one)"));
                    }
                    List<LabelSheet.Label> labels = new ArrayList<>();
                    for (Line l : lines) {
                        Product p = l.product();
                        for (int i = 0; i < l.copies(); i++) {
                            labels.add(new LabelSheet.Label(p.name(), p.sellingPrice(), showMrp ? p.mrp() : null, p.barcode()));
                        }
                    }
                    return Mono.fromCallable(() -> LabelSheet.pdf(labels)).subscribeOn(Schedulers.boundedElastic());
                })
                .map(pdf -> ResponseEntity.ok().contentType(PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"labels.pdf\"").body(pdf));
    }

    private record Line(Product product, int copies) {
    }

}
