package dev.kirana.auth.member;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/shops/{shopId}/members")
@Tag(name = "Members", description = "People working in a shop and their roles: OWNER, MANAGER, CASHIER, AUDITOR (read-only)")
public class MemberController {
    private final MemberService members;
    private final ShopAccess access;

    public MemberController(MemberService members, ShopAccess access) {
        this.members = members;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The shop's members (owners, managers and auditors may list them)")
    public Mono<List<Member>> list(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR).then(members.list(shopId).collectList());
    }

    @PostMapping
    @Operation(summary = "Add a member with a role (owners: any role; managers: cashiers and auditors)")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "403", description = "The caller's role cannot grant this role")
    @ApiResponse(responseCode = "409", description = "Already a member")
    public Mono<ResponseEntity<Member>> add(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                            @Valid @RequestBody MemberRequests.AddMember request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER)
                .flatMap(actor -> members.add(shopId, actor, request))
                .map(m -> ResponseEntity.created(URI.create("/api/v1/shops/" + shopId + "/members/" + m.userId())).body(m));
    }

    @PatchMapping("/{userId}")
    @Operation(summary = "Change a member's role (a shop always keeps one owner)")
    public Mono<Member> changeRole(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID userId,
                                   @Valid @RequestBody MemberRequests.ChangeRole request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER)
                .flatMap(actor -> members.changeRole(shopId, actor, userId, request.role()));
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (or leave the shop yourself); their sessions in the shop end")
    public Mono<Void> remove(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID userId) {
        return access.require(me, shopId)
                .flatMap(actor -> members.remove(shopId, actor, userId));
    }
}
