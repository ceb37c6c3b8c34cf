package dev.kirana.auth.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** The caller: their account (for Kirana accounts) and the token's view of them. */
@Schema(example = """
        {"userId":"00000000-0000-4000-a000-0000000000a1","name":"Demo Owner","email":"owner@demo.kirana","phone":null,
         "emailVerified":true,"phoneVerified":false,"pinSet":false,"activeShopId":"00000000-0000-4000-a000-000000000001",
         "roles":["OWNER"],"scopes":[],"issuer":"http://127.0.0.1:8081",
         "shops":[{"shopId":"00000000-0000-4000-a000-000000000001","name":"Demo Kirana Store","role":"OWNER"}]}""")
public record Me(String userId, String name, String email, String phone, boolean emailVerified, boolean phoneVerified,
                 boolean pinSet, String activeShopId, Set<String> roles, Set<String> scopes, String issuer,
                 List<ShopRole> shops) {

    public record ShopRole(String shopId, String name, String role) {
    }
}
