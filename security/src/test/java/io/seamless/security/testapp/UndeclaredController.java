package io.seamless.security.testapp;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An API endpoint someone forgot to declare a role on: nobody may call it. */
@RestController
class UndeclaredController {

    @GetMapping("/api/v1/forgotten")
    Map<String, String> forgotten() {
        return Map.of("leaked", "yes");
    }
}
