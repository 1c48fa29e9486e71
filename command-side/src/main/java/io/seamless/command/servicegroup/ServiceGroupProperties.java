package io.seamless.command.servicegroup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the service-group work of the command role ({@code seamless.service-groups.*}).
 *
 * @param provisioningPoll      how often the address provisioner looks for work besides being woken by the commits
 *                              that add some
 * @param releaseAddressesAfter when the address of a removed unit (scale in, delete) goes back to its pool
 */
@ConfigurationProperties("seamless.service-groups")
public record ServiceGroupProperties(
        @DefaultValue("5s") Duration provisioningPoll,
        @DefaultValue("unit-released") ReleaseAddressesAfter releaseAddressesAfter) {

    /** When a removed unit's address is released. */
    public enum ReleaseAddressesAfter {
        /**
         * Once the reactor of the unit's cluster reports {@code UNIT_RELEASED}: the Unit and its Pod are gone (the
         * Unit's finalizer held it until then), so the address is never live twice.
         */
        UNIT_RELEASED,
        /** At once, for deployments where no reactor manages the units' clusters (nothing would report). */
        IMMEDIATELY
    }
}
