package org.learningmap.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Turns a personal API token from an {@code Authorization: Bearer} header into an authentication. */
public interface ApiTokenAuthenticator {

    Optional<Authentication> authenticate(String token);
}
