package org.learningmap.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other modules may ask of the skills check: the competence frameworks it knows. */
@Service
public class Assessment {

    private final Frameworks frameworks;

    Assessment(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    /** Every framework version, e.g. DigComp 2.2 and DigComp 3.0. */
    public List<Framework> frameworks() {
        return frameworks.all();
    }

    /** A framework by its id ({@code digcomp-2.2}); empty for an unknown id. */
    public Optional<Framework> framework(String id) {
        return frameworks.byId(id);
    }
}
