package io.seamless.security.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare application with the security auto-configuration and the endpoints of {@link GuardedController}. */
@SpringBootApplication
public class SecurityTestApplication {
}
