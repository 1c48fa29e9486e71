package io.seamless.command.publication;

import java.util.List;

/** The Kafka topics of DESIGN.md that the command side writes to. */
public final class EventTopics {

    public static final List<String> AGGREGATES = List.of("ippool", "cluster", "servicegroup");

    private EventTopics() {
    }

    public static String eventsTopic(String aggregate) {
        return "seamless.events." + aggregate;
    }
}
