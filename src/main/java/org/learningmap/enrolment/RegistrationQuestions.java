package org.learningmap.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.Languages;
import org.learningmap.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions an activity asks when people sign up, all optional to answer: short text, yes/no,
 * or one choice. Presets (age band, gender, accessibility needs) read well in every language
 * because their texts come from the translations. Editors and owners of the organisation define them.
 */
@Component
class RegistrationQuestions {

    enum Kind { SHORT_TEXT, YES_NO, ONE_CHOICE }

    enum Preset {
        AGE_BAND("age-band", Kind.ONE_CHOICE, List.of("under-16", "16-24", "25-44", "45-64", "65-plus", "prefer-not")),
        GENDER("gender", Kind.ONE_CHOICE, List.of("woman", "man", "another", "prefer-not")),
        ACCESSIBILITY("accessibility", Kind.SHORT_TEXT, List.of());

        final String key;
        final Kind kind;
        final List<String> choices;

        Preset(String key, Kind kind, List<String> choices) {
            this.key = key;
            this.kind = kind;
            this.choices = choices;
        }
    }

    record Choice(String key, LocalizedText label) {
    }

    record Question(long id, String key, Kind kind, Preset preset, LocalizedText prompt, List<Choice> choices) {

        /** The label of an answer as the reader sees it (a choice's label, yes/no, or the text itself). */
        public String shown(String answer, String language, LocalizedText yes, LocalizedText no) {
            if (answer == null) {
                return "";
            }
            return switch (kind) {
                case YES_NO -> "yes".equals(answer) ? yes.in(language) : "no".equals(answer) ? no.in(language) : answer;
                case ONE_CHOICE -> choices.stream().filter(c -> c.key().equals(answer)).map(c -> c.label().in(language))
                        .findFirst().orElse(answer);
                case SHORT_TEXT -> answer;
            };
        }
    }

    static final int MAX_ANSWER = 500;
    static final int MAX_QUESTIONS = 20;
    static final int MAX_PROMPT = 300;

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final MessageSource messages;

    RegistrationQuestions(JdbcClient jdbc, Catalogue catalogue, Organisations organisations, MessageSource messages) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.messages = messages;
    }

    List<Question> of(long activityId) {
        return jdbc.sql("SELECT id, question_key, kind, preset, prompt::text AS prompt, choices::text AS choices FROM registration_question "
                        + "WHERE activity_id = ? ORDER BY position, id")
                .param(activityId).query(this::question).list();
    }

    /**
     * The answers worth keeping: known questions only, blanks dropped, each checked against its kind.
     *
     * @throws RuleViolation 400 {@code enrolment.answer-invalid} for a choice that is not offered or a text too long
     */
    Map<String, String> accept(long activityId, Map<String, String> answers) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (answers == null || answers.isEmpty()) {
            return kept;
        }
        for (Question question : of(activityId)) {
            String answer = answers.get(question.key());
            if (answer == null || answer.isBlank()) {
                continue;
            }
            answer = answer.strip();
            boolean valid = switch (question.kind()) {
                case SHORT_TEXT -> answer.length() <= MAX_ANSWER;
                case YES_NO -> answer.equals("yes") || answer.equals("no");
                case ONE_CHOICE -> question.choices().stream().anyMatch(c -> c.key().equals(answers.get(question.key()).strip()));
            };
            if (!valid) {
                throw RuleViolation.badRequest("enrolment.answer-invalid", question.prompt().in(Locale.ENGLISH));
            }
            kept.put(question.key(), answer);
        }
        return kept;
    }

    @Transactional
    void addPreset(long staffId, long activityId, Preset preset) {
        SessionFacts activity = requireEditor(staffId, activityId);
        if (of(activityId).stream().anyMatch(q -> q.key().equals(preset.key))) {
            throw new RuleViolation("enrolment.question-exists");
        }
        insert(activity, preset.key, preset.kind, preset, LocalizedText.EMPTY, List.of());
    }

    @Transactional
    void addOwn(long staffId, long activityId, Kind kind, LocalizedText prompt, List<String> choiceLines, String language) {
        SessionFacts activity = requireEditor(staffId, activityId);
        if (prompt.isEmpty() || prompt.values().values().stream().anyMatch(text -> text.length() > MAX_PROMPT)) {
            throw RuleViolation.badRequest("enrolment.question-prompt-required");
        }
        List<Choice> choices = new ArrayList<>();
        if (kind == Kind.ONE_CHOICE) {
            int n = 1;
            for (String line : choiceLines) {
                if (!line.isBlank() && choices.size() < 20) {
                    choices.add(new Choice("c" + n++, LocalizedText.of(language, line.strip().length() > 100 ? line.strip().substring(0, 100) : line.strip())));
                }
            }
            if (choices.size() < 2) {
                throw RuleViolation.badRequest("enrolment.question-choices-required");
            }
        }
        String key = "q" + (jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM registration_question").query(Long.class).single());
        insert(activity, key, kind, null, prompt, choices);
    }

    @Transactional
    void remove(long staffId, long activityId, long questionId) {
        requireEditor(staffId, activityId);
        jdbc.sql("DELETE FROM registration_question WHERE id = ? AND activity_id = ?").params(questionId, activityId).update();
    }

    /** The activity's facts after checking the account may edit it (editor or owner), else 403. */
    SessionFacts requireEditor(long staffId, long activityId) {
        SessionFacts activity = activityFacts(activityId).orElseThrow(RuleViolation::notFound);
        if (!organisations.hasRole(staffId, activity.organisationId(), StaffRole.EDITOR)) {
            throw RuleViolation.forbidden();
        }
        return activity;
    }

    Optional<SessionFacts> activityFacts(long activityId) {
        return catalogue.sessionsOf(activityId).stream().findFirst();
    }

    private void insert(SessionFacts activity, String key, Kind kind, Preset preset, LocalizedText prompt, List<Choice> choices) {
        int count = jdbc.sql("SELECT count(*) FROM registration_question WHERE activity_id = ?").param(activity.activityId())
                .query(Integer.class).single();
        if (count >= MAX_QUESTIONS) {
            throw new RuleViolation("enrolment.too-many-questions", MAX_QUESTIONS);
        }
        List<Map<String, Object>> stored = choices.stream()
                .map(c -> Map.<String, Object>of("key", c.key(), "label", c.label().values())).toList();
        jdbc.sql("""
                        INSERT INTO registration_question (site_id, organisation_id, activity_id, question_key, kind, preset, prompt, choices, position)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)
                        """)
                .params(activity.siteId(), activity.organisationId(), activity.activityId(), key, kind.name(),
                        preset == null ? null : preset.name(), Json.json(prompt), Json.write(stored), count + 1)
                .update();
    }

    @SuppressWarnings("unchecked")
    private Question question(ResultSet rs, int row) throws SQLException {
        String presetName = rs.getString("preset");
        Kind kind = Kind.valueOf(rs.getString("kind"));
        if (presetName != null) {
            Preset preset = Preset.valueOf(presetName);
            List<Choice> choices = preset.choices.stream()
                    .map(c -> new Choice(c, translated("enrolment.preset." + preset.key + "." + c))).toList();
            return new Question(rs.getLong("id"), rs.getString("question_key"), kind, preset,
                    translated("enrolment.preset." + preset.key), choices);
        }
        List<Choice> choices = new ArrayList<>();
        for (Object item : Json.read(rs.getString("choices"), List.class)) {
            Map<String, Object> choice = (Map<String, Object>) item;
            choices.add(new Choice((String) choice.get("key"), new LocalizedText((Map<String, String>) choice.get("label"))));
        }
        return new Question(rs.getLong("id"), rs.getString("question_key"), kind, null, Json.text(rs.getString("prompt")), choices);
    }

    /** A text of the translations in every interface language. */
    LocalizedText translated(String key) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : Languages.INTERFACE) {
            texts.put(language, messages.getMessage(key, null, key, Locale.forLanguageTag(language)));
        }
        return new LocalizedText(texts);
    }
}
