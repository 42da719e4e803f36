package org.learningmap.assessment;

import java.util.List;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The competence frameworks as open data, in the language asked for ({@code Accept-Language} or {@code ?lang=}). */
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworkApi {

    static final String SOURCE = "European Commission, Joint Research Centre: DigComp (CC BY 4.0); "
            + "Lithuanian and Ukrainian titles translated by Learning Map";

    private final Frameworks frameworks;

    FrameworkApi(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    record FrameworkResponse(String id, String name, String language, String attribution, List<AreaResponse> areas,
                             List<LevelResponse> levels) {
    }

    record AreaResponse(String code, String title, List<CompetenceResponse> competences) {
    }

    record CompetenceResponse(String code, String title) {
    }

    record LevelResponse(int level, String band, String bandLevels, String description) {
    }

    record FrameworkSummary(String id, String name) {
    }

    @GetMapping
    List<FrameworkSummary> list() {
        return frameworks.all().stream().map(f -> new FrameworkSummary(f.id(), f.name())).toList();
    }

    /** The framework's areas, competences and levels; 404 (problem details) for an unknown framework. */
    @GetMapping("/{id}")
    FrameworkResponse framework(@PathVariable String id) {
        Framework framework = frameworks.byId(id)
                .orElseThrow(() -> new RuleViolation(HttpStatus.NOT_FOUND, "assessment.framework.unknown", id));
        Locale locale = LocaleContextHolder.getLocale();
        String language = locale.getLanguage();
        return new FrameworkResponse(framework.id(), framework.name(), language, SOURCE,
                framework.areas().stream().map(a -> new AreaResponse(a.code(), a.title().in(language),
                        a.competences().stream().map(c -> new CompetenceResponse(c.code(), c.title().in(language))).toList()))
                        .toList(),
                framework.levels().stream().map(l -> new LevelResponse(l.level(), l.band().in(language), l.bandLevels(),
                        l.description().isEmpty() ? null : l.description().in(language))).toList());
    }
}
