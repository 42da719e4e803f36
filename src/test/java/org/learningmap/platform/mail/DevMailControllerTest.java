package org.learningmap.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.mail.DevMailController.Segment;

class DevMailControllerTest {

    @Test
    void linksInABodyBecomeTheirOwnSegments() {
        assertThat(DevMailController.segments("Open\n\nhttp://localhost:8080/password-reset/abc_-1\n\nThanks"))
                .containsExactly(new Segment("Open\n\n", false), new Segment("http://localhost:8080/password-reset/abc_-1", true),
                        new Segment("\n\nThanks", false));
        assertThat(DevMailController.segments("no links here")).containsExactly(new Segment("no links here", false));
        assertThat(DevMailController.segments("javascript:alert(1)")).extracting(Segment::link).containsOnly(false);
        assertThat(DevMailController.segments("")).isEqualTo(List.of());
    }
}
