package io.seamless.projections;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stands in for the server's application class in slice and context tests of this module. */
@SpringBootApplication
public class ProjectionsTestApplication {
}
