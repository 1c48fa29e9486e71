package io.seamless.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The command side alone, as the server would run it with only the command role. */
@SpringBootApplication
public class CommandSideTestApplication {

    /** The bootstrap admin token of src/test/resources/application.properties. */
    public static final String ADMIN_TOKEN = "slt_commandsidetest2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    /**
     * Every MockMvc request of these tests presents the admin token, through the real filter chain; a
     * request that sets its own Authorization header (the role tests) keeps it.
     */
    @Bean
    MockMvcBuilderCustomizer adminCaller() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
    }
}
