package ru.civic.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through their public packages; no cycles between them. */
class ModularityTests {

    @Test
    void featureBoundariesHold() {
        ApplicationModules.of(CoreTestApplication.class).verify();
    }
}
