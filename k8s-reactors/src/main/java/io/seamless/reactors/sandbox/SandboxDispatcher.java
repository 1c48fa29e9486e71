package io.seamless.reactors.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Queue;

/** The mock server's CRUD dispatcher, with the discovery documents of {@link SandboxDiscovery} answered first. */
final class SandboxDispatcher extends KubernetesMixedDispatcher {

    private static final Map<String, String> DISCOVERY = SandboxDiscovery.documents();

    SandboxDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
        super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        int query = path.indexOf('?');
        String document = "GET".equals(request.getMethod())
                ? DISCOVERY.get(query < 0 ? path : path.substring(0, query)) : null;
        if (document == null) {
            return super.dispatch(request);
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(document);
    }
}
