package io.seamless.server.deploy;

import io.seamless.server.deploy.ReactorRbac.Permission;
import java.util.Arrays;
import java.util.Optional;

/** What the API server's authorizer makes of a request: the verb, resource and object it asks for (RBAC terms). */
public final class ApiRequests {

    private ApiRequests() {
    }

    /**
     * The permission a request needs; empty for a non-resource path ({@code /version}, discovery), which every
     * authenticated caller may read.
     */
    public static Optional<Permission> permission(String method, String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        boolean watch = query >= 0 && pathAndQuery.substring(query).matches(".*[?&]watch=(true|1).*");
        String[] segments = Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toArray(String[]::new);
        int start;
        String group;
        if (segments.length > 2 && segments[0].equals("api")) {
            start = 2;
            group = "";
        } else if (segments.length > 3 && segments[0].equals("apis")) {
            start = 3;
            group = segments[1];
        } else {
            return Optional.empty();
        }
        String[] rest = Arrays.copyOfRange(segments, start, segments.length);
        boolean namespaced = rest.length >= 3 && rest[0].equals("namespaces");
        String namespace = namespaced ? rest[1] : "";
        String[] object = namespaced ? Arrays.copyOfRange(rest, 2, rest.length) : rest;
        String resource = object[0] + (object.length > 2 ? "/" + object[2] : "");
        String name = object.length > 1 ? object[1] : "*";
        return Optional.of(new Permission(namespace, group, resource, verb(method, name, watch), name));
    }

    private static String verb(String method, String name, boolean watch) {
        boolean one = !"*".equals(name);
        return switch (method) {
            case "GET" -> watch ? "watch" : one ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> one ? "delete" : "deletecollection";
            default -> throw new IllegalArgumentException("unexpected method " + method);
        };
    }
}
