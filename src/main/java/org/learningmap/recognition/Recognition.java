package org.learningmap.recognition;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Badges and awards (the shape other parts of the module code against). */
@Service
public class Recognition {

    public Optional<Badge> badge(long id) {
        return Optional.empty();
    }

    public Optional<Award> award(long id) {
        return Optional.empty();
    }

    public Optional<Award> award(UUID publicId) {
        return Optional.empty();
    }

    public boolean mayManage(long accountId, long organisationId) {
        return false;
    }
}
