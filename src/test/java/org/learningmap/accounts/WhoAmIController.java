package org.learningmap.accounts;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A write endpoint that exists only in tests: it answers who the API took the caller to be. */
@RestController
class WhoAmIController {

    @PostMapping("/api/v1/test/who-am-i")
    Map<String, Object> whoAmI() {
        CurrentAccount account = CurrentAccount.get().orElseThrow();
        return Map.of("id", account.id(), "email", account.email());
    }
}
