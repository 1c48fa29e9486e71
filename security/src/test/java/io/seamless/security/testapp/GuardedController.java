package io.seamless.security.testapp;

import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints with each kind of declaration, answering with who called. */
@RestController
@RequestMapping("/api/v1/guarded")
@RequiresRole(Role.VIEWER)
class GuardedController {

    @GetMapping
    Map<String, String> read(Authentication caller) {
        return Map.of("actor", caller.getName());
    }

    @PostMapping("/operations")
    @RequiresRole(Role.OPERATOR)
    Map<String, String> operate(Authentication caller) {
        return Map.of("actor", caller.getName());
    }
}
