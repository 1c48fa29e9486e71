package io.seamless.reactors.runtime;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code seamless.roles} (comma-separated, all roles by default) names {@code reactors}. */
class ReactorsRoleCondition extends SpringBootCondition {

    static final String ROLES_PROPERTY = "seamless.roles";
    static final String ROLE = "reactors";
    static final List<String> DEFAULT_ROLES = List.of("command", "projections", ROLE);

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> roles = Binder.get(context.getEnvironment())
                .bind(ROLES_PROPERTY, Bindable.listOf(String.class))
                .orElse(DEFAULT_ROLES);
        boolean active = roles.stream().map(String::trim).anyMatch(ROLE::equalsIgnoreCase);
        ConditionMessage.Builder message = ConditionMessage.forCondition("Seamless role", ROLE);
        return active
                ? ConditionOutcome.match(message.foundExactly(ROLES_PROPERTY + "=" + roles))
                : ConditionOutcome.noMatch(message.because(ROLES_PROPERTY + "=" + roles + " does not name it"));
    }
}
