package dev.kirana.auth.account;

import dev.kirana.auth.otp.OneTimeCodes;
import dev.kirana.auth.token.TokenResponse;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts and sessions", description = "Registration, login (password or SMS code), tokens, password and PIN")
public class AccountController {
    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** How long until the code expires and until another one may be requested. */
    @Schema(example = """
            {"status":"SENT_IF_ACCOUNT_EXISTS","expiresInSeconds":300,"resendAfterSeconds":60}""")
    public record CodeSent(String status, long expiresInSeconds, long resendAfterSeconds) {
        static CodeSent of(OneTimeCodes.Sent s) {
            return new CodeSent("SENT_IF_ACCOUNT_EXISTS", s.expiresIn().toSeconds(), s.resendAfter().toSeconds());
        }
    }

    @PostMapping("/api/v1/auth/register")
    @SecurityRequirements
    @Operation(summary = "Register an account (email and/or phone + password) and log in",
            description = "Verification codes are sent to the email (logged locally) and phone; confirm them with /api/v1/auth/verification/confirm.")
    @ApiResponse(responseCode = "201", description = "Registered and logged in (no shop yet: create one with POST /api/v1/shops)")
    @ApiResponse(responseCode = "409", description = "The email or phone number already has an account")
    public Mono<ResponseEntity<TokenResponse>> register(@Valid @RequestBody AccountRequests.Register request) {
        return accounts.register(request).map(t -> ResponseEntity.created(URI.create("/api/v1/auth/me")).body(t));
    }

    @PostMapping(path = "/api/v1/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Log in with email or phone and password",
            description = "The access token names the user's first shop and the roles in it. Repeated wrong passwords lock the account for a while (429).")
    @ApiResponse(responseCode = "200", description = "Logged in")
    @ApiResponse(responseCode = "401", description = "Wrong username or password")
    @ApiResponse(responseCode = "429", description = "Locked after too many wrong passwords; see Retry-After")
    public Mono<TokenResponse> login(@Valid @RequestBody AccountRequests.Login request) {
        return accounts.login(request);
    }

    /**
     * The same login as a form post ({@code username}, {@code password}), for clients that speak OAuth2-style forms
     * rather than JSON; the same checks, lock-out and answer.
     */
    @PostMapping(path = "/api/v1/auth/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @SecurityRequirements
    @Operation(summary = "Log in with a form post (application/x-www-form-urlencoded: username, password)",
            description = "The same login, lock-out and answer as the JSON login, for clients that post forms.")
    @ApiResponse(responseCode = "200", description = "Logged in")
    @ApiResponse(responseCode = "401", description = "Wrong username or password")
    @ApiResponse(responseCode = "429", description = "Locked after too many wrong passwords; see Retry-After")
    public Mono<TokenResponse> formLogin(@Valid @ModelAttribute AccountRequests.Login request) {
        return accounts.login(request);
    }

    @PostMapping("/api/v1/auth/token/refresh")
    @SecurityRequirements
    @Operation(summary = "Exchange a refresh token for new tokens (rotation)",
            description = "Each refresh token works once. Using one again revokes the whole session (reuse detection).")
    @ApiResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token")
    public Mono<TokenResponse> refresh(@Valid @RequestBody AccountRequests.Refresh request) {
        return accounts.refresh(request);
    }

    @PostMapping("/api/v1/auth/switch-shop")
    @Operation(summary = "Get tokens for another shop the caller belongs to")
    @ApiResponse(responseCode = "404", description = "Not a member of that shop")
    public Mono<TokenResponse> switchShop(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody AccountRequests.SwitchShop request) {
        return accounts.switchShop(me, request);
    }

    @PostMapping("/api/v1/auth/logout")
    @SecurityRequirements
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session of a refresh token (or every session of its account)",
            description = "Access tokens already issued stay valid until they expire (minutes).")
    public Mono<Void> logout(@Valid @RequestBody AccountRequests.Logout request) {
        return accounts.logout(request);
    }

    @GetMapping("/api/v1/auth/me")
    @Operation(summary = "The caller: account, active shop and roles, and all shops with the role in each")
    public Mono<Me> me(@AuthenticationPrincipal ShopPrincipal me) {
        return accounts.me(me);
    }

    @PostMapping("/api/v1/auth/otp/request")
    @SecurityRequirements
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a login code by SMS",
            description = "Answers 202 whether or not the number has an account. Throttled per number: 429 with Retry-After.")
    @ApiResponse(responseCode = "429", description = "A code was sent moments ago, or too many this hour")
    public Mono<CodeSent> requestCode(@Valid @RequestBody AccountRequests.OtpRequest request) {
        return accounts.requestLoginCode(request).map(CodeSent::of);
    }

    @PostMapping("/api/v1/auth/otp/verify")
    @SecurityRequirements
    @Operation(summary = "Log in with the SMS code", description = "A code allows a few wrong attempts, then it is dead (429): ask for a new one.")
    @ApiResponse(responseCode = "401", description = "Wrong or expired code (attemptsLeft says how many tries remain)")
    @ApiResponse(responseCode = "429", description = "Too many wrong attempts for this code")
    public Mono<TokenResponse> loginWithCode(@Valid @RequestBody AccountRequests.OtpLogin request) {
        return accounts.loginWithCode(request);
    }

    @PostMapping("/api/v1/auth/password/change")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password (needs the current one, if set); ends every session")
    public Mono<Void> changePassword(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody AccountRequests.ChangePassword request) {
        return accounts.changePassword(me, request);
    }

    @PostMapping("/api/v1/auth/password/reset/request")
    @SecurityRequirements
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a password-reset code (SMS to a phone username, else email)")
    public Mono<CodeSent> requestReset(@Valid @RequestBody AccountRequests.ResetRequest request) {
        return accounts.requestReset(request).map(CodeSent::of);
    }

    @PostMapping("/api/v1/auth/password/reset/confirm")
    @SecurityRequirements
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the reset code; ends every session")
    public Mono<Void> confirmReset(@Valid @RequestBody AccountRequests.ResetConfirm request) {
        return accounts.confirmReset(request);
    }

    @PostMapping("/api/v1/auth/verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a code that verifies the caller's email or phone")
    public Mono<CodeSent> requestVerification(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody AccountRequests.VerificationRequest request) {
        return accounts.requestVerification(me, request.channel()).map(s -> new CodeSent("SENT", s.expiresIn().toSeconds(), s.resendAfter().toSeconds()));
    }

    @PostMapping("/api/v1/auth/verification/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm the email or phone with the code")
    public Mono<Void> confirmVerification(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody AccountRequests.VerificationConfirm request) {
        return accounts.confirmVerification(me, request);
    }

    @PutMapping("/api/v1/auth/me/profile")
    @Operation(summary = "Change the caller's name, email or phone",
            description = "The name changes at once. A new email or phone (currentPassword required when the account has a "
                    + "password) is sent a code and replaces the old one, verified, only when that code is confirmed with "
                    + "POST /api/v1/auth/me/profile/confirm; until then the old one still logs in. One already used by "
                    + "another account is a 409.")
    @ApiResponse(responseCode = "200", description = "The account's name and contacts, and those waiting for their codes")
    @ApiResponse(responseCode = "409", description = "The email or phone already belongs to another account")
    public Mono<dev.kirana.auth.user.Users.Contacts> changeProfile(@AuthenticationPrincipal ShopPrincipal me,
                                                                   @Valid @RequestBody AccountRequests.ProfileChange request) {
        return accounts.changeProfile(me, request);
    }

    @PostMapping("/api/v1/auth/me/profile/confirm")
    @Operation(summary = "Confirm a new email or phone with the code sent to it; it replaces the old one, verified")
    public Mono<dev.kirana.auth.user.Users.Contacts> confirmContact(@AuthenticationPrincipal ShopPrincipal me,
                                                                    @Valid @RequestBody AccountRequests.ContactConfirm request) {
        return accounts.confirmContact(me, request);
    }

    @PutMapping("/api/v1/users/me/pin")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the caller's PIN (4-6 digits) for switching in on a paired device")
    public Mono<Void> setPin(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody AccountRequests.SetPin request) {
        return accounts.setPin(me, request);
    }
}
