package dev.kirana.auth.device;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.auth.token.TokenResponse;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Devices", description = "Shared POS devices of the active shop: pairing by QR code, and cashier PIN login")
public class DeviceController {
    private final DeviceService devices;
    private final ShopAccess access;

    public DeviceController(DeviceService devices, ShopAccess access) {
        this.devices = devices;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Register a device of the active shop and get its one-time pairing token (owner or manager)")
    @ApiResponse(responseCode = "201", description = "Created; pair it before the token expires")
    public Mono<ResponseEntity<DeviceApi.Pairing>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody DeviceApi.CreateDevice request) {
        return access.requireActive(me, Role.OWNER, Role.MANAGER)
                .flatMap(m -> devices.create(m.shopId(), m.userId(), request.name()))
                .map(p -> ResponseEntity.created(URI.create("/api/v1/devices/" + p.id())).body(p));
    }

    @GetMapping
    @Operation(summary = "The active shop's devices (owner, manager, auditor)")
    public Mono<List<DeviceApi.Device>> list(@AuthenticationPrincipal ShopPrincipal me) {
        return access.requireActive(me, Role.OWNER, Role.MANAGER, Role.AUDITOR).flatMap(m -> devices.list(m.shopId()).collectList());
    }

    @DeleteMapping("/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a device: its secret stops working and its PIN sessions end (owner or manager)")
    public Mono<Void> revoke(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID deviceId) {
        return access.requireActive(me, Role.OWNER, Role.MANAGER).flatMap(m -> devices.revoke(m.shopId(), deviceId, m.userId()));
    }

    @PostMapping("/pair")
    @SecurityRequirements
    @Operation(summary = "Pair this device with the scanned pairing token; returns the device secret (once)")
    @ApiResponse(responseCode = "401", description = "Unknown, used or expired pairing token")
    public Mono<DeviceApi.Paired> pair(@Valid @RequestBody DeviceApi.Pair request) {
        return devices.pair(request.pairingToken());
    }

    @PostMapping("/session")
    @SecurityRequirements
    @Operation(summary = "Switch in on a paired device with username and PIN; the tokens are for the device's shop")
    @ApiResponse(responseCode = "401", description = "Unknown device, or wrong user or PIN")
    @ApiResponse(responseCode = "429", description = "Too many wrong PINs; see Retry-After")
    public Mono<TokenResponse> pinLogin(@Valid @RequestBody DeviceApi.PinLogin request) {
        return devices.pinLogin(request);
    }
}
