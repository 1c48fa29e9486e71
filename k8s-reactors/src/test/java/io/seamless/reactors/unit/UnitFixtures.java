package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** A Unit with every field of its spec set, as the reactor would write it, plus variations. */
final class UnitFixtures {

    static final String UID = "6f1c2a8e-0000-4000-8000-000000000001";

    private UnitFixtures() {
    }

    static Unit mysqld(UnitSpec.Networking networking, boolean stopped) {
        UnitSpec.Container main = new UnitSpec.Container("mysqld", "mysql/mysql-server:8.0.36",
                List.of(new UnitSpec.ContainerPort("mysql", 3306), new UnitSpec.ContainerPort("gr", 33061)),
                List.of(new UnitSpec.EnvVar("SEAMLESS_UNIT", "orders-db-mysqld-0")),
                new UnitSpec.Resources(Map.of("cpu", "2", "memory", "8Gi"), Map.of("cpu", "2", "memory", "8Gi")),
                List.of(new UnitSpec.VolumeMount("data", "/var/lib/seamless/data")));
        UnitSpec.Container exporter = new UnitSpec.Container("exporter", "prom/mysqld-exporter:v0.15.1",
                List.of(new UnitSpec.ContainerPort("metrics", 9104)), List.of(), null, List.of());
        UnitSpec spec = new UnitSpec("orders-db", "mysqld", 1, 0, "mysqld",
                new UnitSpec.Template(Map.of("seamless.io/restart-generation", "3"), List.of(main, exporter)),
                List.of(new UnitSpec.VolumeClaim("data", "fast-ssd", "100Gi"),
                        new UnitSpec.VolumeClaim("binlog", null, "20Gi")),
                networking, "orders-db-mysqld-0-config", stopped);
        return Unit.of(new ObjectMetaBuilder().withName("orders-db-mysqld-0").withNamespace("seamless")
                .withUid(UID).withLabels(SeamlessLabels.unit("mysql", "orders-db", "mysqld", "orders-db-mysqld-0"))
                .build(), spec);
    }

    static UnitSpec.Networking sriov() {
        return new UnitSpec.Networking("sriov", "fast-net", UnitSpec.Networking.NETWORK_CLAIM, "10.20.0.10", 24);
    }
}
