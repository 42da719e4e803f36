package org.learningmap.impact;

import org.springframework.stereotype.Service;

/** What other modules (and the operator) may ask of the impact module. */
@Service
public class Impact {

    private final Facts facts;

    Impact(Facts facts) {
        this.facts = facts;
    }

    /**
     * Throws away every derived figure and computes it again from the recorded facts; the dashboard
     * shows the same figures afterwards. Safe to run at any time.
     */
    public void rebuild() {
        facts.rebuild();
    }
}
