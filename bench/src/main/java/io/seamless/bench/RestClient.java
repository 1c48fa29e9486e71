package io.seamless.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A plain blocking HTTP/1.1 client (JDK HttpURLConnection, keep-alive): the lightest client the
 * JDK has, so that the benchmark's own CPU use, on the same cores as the server, stays small.
 */
final class RestClient {

    private final String baseUrl;
    private final String bearer;

    RestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.bearer = "Bearer " + token;
    }

    /** GETs a path; answers the status, having read the whole response so the connection is reused. */
    int get(String path) throws IOException {
        return getBody(path).status();
    }

    /** An answer: its status and body. */
    record Answer(int status, String body) {
    }

    Answer getBody(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        connection.setRequestProperty("Authorization", bearer);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** POSTs a JSON body; answers the status, having read the whole response so the connection is reused. */
    int postJson(String path, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", bearer);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }
}
