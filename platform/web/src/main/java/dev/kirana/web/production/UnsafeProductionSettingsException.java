package dev.kirana.web.production;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up under the {@code prod} profile when settings are unsafe; its message lists every one. */
public class UnsafeProductionSettingsException extends IllegalStateException {
    private final String service;
    private final List<Findings.Finding> findings;

    public UnsafeProductionSettingsException(String service, List<Findings.Finding> findings) {
        super(describe(service, findings));
        this.service = service;
        this.findings = List.copyOf(findings);
    }

    public String service() {
        return service;
    }

    public List<Findings.Finding> findings() {
        return findings;
    }

    static String describe(String service, List<Findings.Finding> findings) {
        return "Refusing to start " + service + " with the prod profile: " + findings.size()
                + (findings.size() == 1 ? " setting is" : " settings are") + " unsafe for production. Fix:\n"
                + findings.stream().map(f -> "  - " + f).collect(Collectors.joining("\n"));
    }
}
