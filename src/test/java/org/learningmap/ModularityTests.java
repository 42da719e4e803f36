package org.learningmap;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk only through their facades and events; a dependency cycle or a reach into another module's internals fails here. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LearningMapApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void documentationOfTheModulesIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
