package dev.kirana.web.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the validated token and the shop principal mapped from it. */
public class KiranaAuthentication extends AbstractAuthenticationToken {
    private final ShopPrincipal principal;
    private final Jwt token;

    public KiranaAuthentication(ShopPrincipal principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token.getTokenValue();
    }

    @Override
    public ShopPrincipal getPrincipal() {
        return principal;
    }

    public Jwt getToken() {
        return token;
    }

    @Override
    public String getName() {
        return principal.subject();
    }
}
