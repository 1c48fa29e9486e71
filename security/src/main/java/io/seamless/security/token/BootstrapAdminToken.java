package io.seamless.security.token;

import io.seamless.security.Role;
import io.seamless.security.SeamlessSecurityProperties;
import java.io.PrintStream;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Secure by default: on the first start (no token was ever issued) creates an admin token named
 * {@code bootstrap-admin} and prints it once, on standard output only, never to the log. Only its hash
 * is kept (in the database: the H2 file under {@code ./data} by default). When several processes start
 * on one empty database, the unique name lets exactly one of them create it.
 */
class BootstrapAdminToken implements InitializingBean {

    static final String NAME = "bootstrap-admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);

    private final ApiTokenStore store;
    private final ApiTokenService tokens;
    private final SeamlessSecurityProperties.BootstrapAdmin settings;
    private final PrintStream console;

    BootstrapAdminToken(ApiTokenStore store, ApiTokenService tokens, SeamlessSecurityProperties.BootstrapAdmin settings,
                        PrintStream console) {
        this.store = store;
        this.tokens = tokens;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public void afterPropertiesSet() {
        if (!settings.enabled() || store.anyEverIssued()) {
            return;
        }
        ApiTokenService.Issued issued;
        try {
            issued = tokens.issueUnchecked(NAME, EnumSet.of(Role.ADMIN), tokens.now().plus(settings.lifetime()),
                    "system:bootstrap", settings.token());
        } catch (ApiTokenRefusal takenMeanwhile) {
            log.info("Another process created the bootstrap admin token first");
            return;
        }
        if (settings.token() != null) {
            log.info("Bootstrap admin token registered from seamless.security.bootstrap-admin.token (id {})",
                    issued.token().id());
            return;
        }
        log.warn("First start: created the admin API token '{}' (id {}), printed once on standard output",
                NAME, issued.token().id());
        console.printf("%n=== Seamless: admin API token, shown this once (only its hash is kept) ===%n"
                + "export SEAMLESS_TOKEN=%s%n"
                + "Use it as 'Authorization: Bearer $SEAMLESS_TOKEN'; issue named tokens with it and revoke it.%n"
                + "=========================================================================%n%n", issued.value());
        console.flush();
    }
}
