package dev.kirana.auth.device;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the devices API. */
public final class DeviceApi {

    @Schema(example = """
            {"name":"Counter 1 tablet"}""")
    public record CreateDevice(@NotBlank @Size(max = 80) String name) {
    }

    @Schema(description = "Show pairingUri as a QR code on the owner's phone; the POS app scans it and calls /api/v1/devices/pair.",
            example = """
            {"id":"8a6f0b8e-3f1c-4d57-9a51-2b1f1f0c9e11","name":"Counter 1 tablet","pairingToken":"Zq3...",
             "pairingUri":"kirana://pair?token=Zq3...","expiresAt":"2026-04-01T10:10:00Z"}""")
    public record Pairing(UUID id, String name, String pairingToken, String pairingUri, Instant expiresAt) {
    }

    @Schema(example = """
            {"id":"8a6f0b8e-3f1c-4d57-9a51-2b1f1f0c9e11","name":"Counter 1 tablet","status":"PAIRED",
             "createdAt":"2026-04-01T10:00:00Z","pairedAt":"2026-04-01T10:01:00Z","lastUsedAt":"2026-04-02T09:00:00Z"}""")
    public record Device(UUID id, String name, Status status, Instant createdAt, Instant pairedAt, Instant lastUsedAt) {
    }

    public enum Status { PENDING, PAIRED, EXPIRED, REVOKED }

    @Schema(example = """
            {"pairingToken":"Zq3..."}""")
    public record Pair(@NotBlank @Size(max = 100) String pairingToken) {
    }

    @Schema(description = "Keep deviceSecret in the device's secure storage; it is shown once.", example = """
            {"deviceId":"8a6f0b8e-3f1c-4d57-9a51-2b1f1f0c9e11","deviceSecret":"c2V...","shopId":"00000000-0000-4000-a000-000000000001",
             "shopName":"Demo Kirana Store","name":"Counter 1 tablet"}""")
    public record Paired(UUID deviceId, String deviceSecret, UUID shopId, String shopName, String name) {
    }

    @Schema(example = """
            {"deviceId":"8a6f0b8e-3f1c-4d57-9a51-2b1f1f0c9e11","deviceSecret":"c2V...","username":"cashier@demo.kirana","pin":"4829"}""")
    public record PinLogin(@NotNull UUID deviceId, @NotBlank @Size(max = 100) String deviceSecret,
                           @NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 6) String pin) {
    }

    private DeviceApi() {
    }
}
