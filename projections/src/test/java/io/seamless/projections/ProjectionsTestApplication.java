package io.seamless.projections;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Stands in for the server's application class in slice and context tests of this module. */
@SpringBootApplication
public class ProjectionsTestApplication {

    /** The bootstrap admin token of src/test/resources/application.properties. */
    public static final String ADMIN_TOKEN = "slt_projectionstest2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    /** Every MockMvc request of the context tests presents the admin token, through the real filter chain. */
    @Bean
    MockMvcBuilderCustomizer adminCaller() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
    }
}
