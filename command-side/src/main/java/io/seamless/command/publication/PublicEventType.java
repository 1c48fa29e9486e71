package io.seamless.command.publication;

/**
 * The public name of an event: {@code io.seamless.<aggregate>.<name>.v<version>} on topic
 * {@code seamless.events.<aggregate>}, described by {@code <aggregate>/<name>.v<version>.schema.json}.
 */
public record PublicEventType(String aggregate, String name, int version) {

    public String ceType() {
        return "io.seamless." + aggregate + "." + name + ".v" + version;
    }

    public String dataschema() {
        return aggregate + "/" + name + ".v" + version + ".schema.json";
    }

    public String topic() {
        return EventTopics.eventsTopic(aggregate);
    }
}
