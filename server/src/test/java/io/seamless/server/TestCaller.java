package io.seamless.server;

import java.io.IOException;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Who the tests call the API as: the bootstrap admin of src/test/resources/application.properties. */
final class TestCaller {

    static final String ADMIN_TOKEN = "slt_servertestadmin2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private TestCaller() {
    }

    /** Makes every request of this template carry the admin token; calling it again changes nothing. */
    static TestRestTemplate asAdmin(TestRestTemplate http) {
        List<ClientHttpRequestInterceptor> interceptors = http.getRestTemplate().getInterceptors();
        if (interceptors.stream().noneMatch(AdminToken.class::isInstance)) {
            interceptors.add(new AdminToken());
        }
        return http;
    }

    private static final class AdminToken implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            request.getHeaders().setBearerAuth(ADMIN_TOKEN);
            return execution.execute(request, body);
        }
    }
}
