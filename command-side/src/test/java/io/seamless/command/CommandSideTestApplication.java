package io.seamless.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone, as the server would run it with only the command role. */
@SpringBootApplication
public class CommandSideTestApplication {
}
