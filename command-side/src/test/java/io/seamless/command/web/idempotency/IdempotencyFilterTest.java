package io.seamless.command.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter's answers that need a store in a given state: a first request still running, a 5xx not kept. */
class IdempotencyFilterTest {

    @Test
    void aRetryWhileTheFirstIsStillRunningIsToldSoAndNotHandled() throws Exception {
        FakeStore store = new FakeStore(Optional.of(new IdempotencyStore.Entry(fingerprintOf("{}"), null, null, null,
                null, Instant.MAX)));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        new IdempotencyFilter(store, 1024).doFilter(request("{}"), response, chain);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("idempotency-key-in-progress");
        assertThat(chain.getRequest()).as("the handlers never saw the retry").isNull();
    }

    @Test
    void aServerErrorIsNotKeptSoTheKeyCanBeRetried() throws Exception {
        FakeStore store = new FakeStore(Optional.empty());
        MockHttpServletResponse response = new MockHttpServletResponse();

        new IdempotencyFilter(store, 1024).doFilter(request("{}"), response,
                (req, res) -> ((HttpServletResponse) res).setStatus(503));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(store.completed).isEmpty();
        assertThat(store.released).containsExactly(scoped("apitoken:ci", "key-1"));
    }

    @Test
    void anAnswerThatHoldsASecretIsNeverKept() throws Exception {
        FakeStore store = new FakeStore(Optional.empty());
        new IdempotencyFilter(store, 1024).doFilter(request("{}"), new MockHttpServletResponse(), (req, res) -> {
            HttpServletResponse answer = (HttpServletResponse) res;
            answer.setStatus(201);
            answer.setHeader("Cache-Control", "no-store");
            answer.getWriter().write("{\"token\": \"slt_secret\"}");
        });
        assertThat(store.completed).isEmpty();
        assertThat(store.released).hasSize(1);
    }

    @Test
    void theSameKeyFromTwoCallersIsTwoKeys() throws Exception {
        FakeStore store = new FakeStore(Optional.empty());
        MockHttpServletRequest other = request("{}");
        other.setUserPrincipal(() -> "apitoken:another");
        new IdempotencyFilter(store, 1024).doFilter(request("{}"), new MockHttpServletResponse(), new MockFilterChain());
        new IdempotencyFilter(store, 1024).doFilter(other, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(store.completed).containsExactly(scoped("apitoken:ci", "key-1"), scoped("apitoken:another", "key-1"));
    }

    private static String scoped(String caller, String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((caller + "\n" + key).getBytes(StandardCharsets.UTF_8)));
    }

    private static MockHttpServletRequest request(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/ip-pools");
        request.addHeader(IdempotencyFilter.HEADER, "key-1");
        request.setUserPrincipal(() -> "apitoken:ci");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** What the filter computes for POST /api/v1/ip-pools with this body: claim it with a first request. */
    private static String fingerprintOf(String body) throws Exception {
        FakeStore probe = new FakeStore(Optional.empty());
        new IdempotencyFilter(probe, 1024).doFilter(request(body), new MockHttpServletResponse(), new MockFilterChain());
        return probe.claimedFingerprint;
    }

    /** A store in a chosen state that records what the filter asks of it. */
    private static final class FakeStore extends IdempotencyStore {

        private final Optional<Entry> held;
        private final List<String> completed = new ArrayList<>();
        private final List<String> released = new ArrayList<>();
        private String claimedFingerprint;

        FakeStore(Optional<Entry> held) {
            super(null, Duration.ofHours(1), Clock.systemUTC());
            this.held = held;
        }

        @Override
        Optional<Entry> claim(String key, String fingerprint) {
            claimedFingerprint = fingerprint;
            return held;
        }

        @Override
        void complete(String key, int status, String contentType, String location, byte[] body) {
            completed.add(key);
        }

        @Override
        void release(String key) {
            released.add(key);
        }
    }
}
