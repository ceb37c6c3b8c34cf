package dev.kirana.web.production;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report: what is unsafe, then what to set. */
public class UnsafeProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsafeProductionSettingsException e) {
        String description = e.getMessage();
        String action = "Set, in the service's environment (a Kubernetes Secret/ConfigMap or docker-compose's .env):\n"
                + e.findings().stream().map(f -> "  " + f.setting() + " — " + f.fix()).distinct().collect(Collectors.joining("\n"))
                + "\nSee README, \"Operations: the production profile\". Without the prod profile the local defaults apply.";
        return new FailureAnalysis(description, action, e);
    }
}
