package io.seamless.reactors.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Desired-state documents for the reconcile tests, from the hand-written {@code desired/orders-db.json}: in
 * cluster {@code bj-1} it places {@code orders-db-mysqld-0} (with a my.cnf) and {@code orders-db-router-0}.
 */
final class Documents {

    static final String CLUSTER = "bj-1";
    static final String NAMESPACE = "db";
    static final String GROUP = "orders-db";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS_DB = read();

    private Documents() {
    }

    static byte[] ordersDb() {
        return ORDERS_DB.getBytes(StandardCharsets.UTF_8);
    }

    /** orders-db, edited. */
    static byte[] ordersDb(Consumer<ObjectNode> edit) {
        return edited(ORDERS_DB, edit);
    }

    /** The same document for another group: every name and id says {@code group} instead of orders-db. */
    static byte[] renamed(String group) {
        return ORDERS_DB.replace(GROUP, group).getBytes(StandardCharsets.UTF_8);
    }

    /** orders-db without the unit {@code id}. */
    static byte[] without(String id) {
        return ordersDb(document -> {
            ArrayNode units = (ArrayNode) document.get("units");
            for (int i = units.size() - 1; i >= 0; i--) {
                if (units.get(i).get("id").asText().equals(id)) {
                    units.remove(i);
                }
            }
        });
    }

    private static byte[] edited(String json, Consumer<ObjectNode> edit) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(json);
            edit.accept(document);
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read() {
        try (InputStream in = Documents.class.getResourceAsStream("/desired/orders-db.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
