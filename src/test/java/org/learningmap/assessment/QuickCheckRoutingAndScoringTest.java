package org.learningmap.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Known answer patterns and the route and level each must give, under scoring rule weighted-75-25-v1. */
class QuickCheckRoutingAndScoringTest {

    static final ItemBank BANK = new ItemBank();
    static final Framework DIGCOMP = new Frameworks().byIdOrDefault("digcomp-2.2");
    static final Routing ROUTING = new Routing(BANK, DIGCOMP);
    static final Scoring SCORING = new Scoring(ROUTING, BANK);

    /** Answers every question the check asks, in order, as the given person would, until it ends. */
    static Map<String, List<String>> take(CheckKind kind, Function<Item, List<String>> person) {
        Map<String, List<String>> answers = new HashMap<>();
        var next = ROUTING.next(kind, answers);
        int asked = 0;
        while (next.isPresent()) {
            answers.put(next.get().id(), person.apply(next.get()));
            next = ROUTING.next(kind, answers);
            asked++;
            assertThat(asked).as("the check ends").isLessThan(200);
        }
        return answers;
    }

    static Function<Item, List<String>> knowsEverything(String selfRating) {
        return item -> item.objective() ? item.answer() : List.of(selfRating);
    }

    static List<String> wrong(Item item) {
        return switch (item.kind()) {
            case TRUE_FALSE -> List.of(item.answer().get(0).equals("true") ? "false" : "true");
            case ORDER -> item.answer().reversed();
            default -> List.of(item.options().stream().map(Item.Option::id).filter(id -> !item.answer().contains(id)).findFirst().orElseThrow());
            case SELF -> List.of("0");
        };
    }

    @Test
    void everyCompetenceHasTwoSelfRatingsAndThreeObjectiveItemsInEveryLanguage() {
        for (Framework.Competence competence : DIGCOMP.competences()) {
            List<Item> items = BANK.ofCompetence(competence.code());
            assertThat(items.stream().filter(i -> !i.objective())).as(competence.code()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(items.stream().filter(Item::objective).map(Item::band)).as(competence.code())
                    .contains(Band.FOUNDATION, Band.INTERMEDIATE, Band.ADVANCED);
            for (Item item : items) {
                for (String language : List.of("en", "lt", "uk")) {
                    assertThat(item.text().has(language)).as("%s in %s", item.id(), language).isTrue();
                    item.options().forEach(o -> assertThat(o.text().has(language)).as("%s/%s in %s", item.id(), o.id(), language).isTrue());
                }
                if (item.objective()) {
                    assertThat(item.accept(item.answer())).as("the key of %s is a valid answer", item.id()).isPresent();
                }
            }
        }
    }

    @Test
    void theQuickCheckAsksTwentyFiveQuestions() {
        assertThat(take(CheckKind.QUICK, knowsEverything("3"))).hasSize(25);
        assertThat(take(CheckKind.QUICK, i -> wrong(i))).hasSize(25);
        assertThat(ROUTING.length(CheckKind.QUICK)).isEqualTo(25);
    }

    @Test
    void bothFirstStageItemsRightRoutesToTheHarderStage() {
        Map<String, List<String>> answers = new HashMap<>();
        Routing.QuickArea area = ROUTING.quickArea("4");
        area.firstStage().forEach(i -> answers.put(i.id(), i.objective() ? i.answer() : List.of("1")));
        assertThat(ROUTING.route("4", answers)).contains(Routing.Route.HARDER);
        assertThat(ROUTING.route("1", answers)).isEmpty();
        assertThat(area.harder()).allMatch(i -> i.band() == Band.ADVANCED);

        answers.put(area.objectiveFirstStage().get(1).id(), wrong(area.objectiveFirstStage().get(1)));
        assertThat(ROUTING.route("4", answers)).contains(Routing.Route.EASIER);
        assertThat(area.easier()).allMatch(i -> i.band() == Band.FOUNDATION);
    }

    @Test
    void allRightWithTheHighestSelfRatingIsLevelSixEverywhere() {
        var result = SCORING.score(CheckKind.QUICK, take(CheckKind.QUICK, knowsEverything("3")));
        assertThat(result.rule()).isEqualTo("weighted-75-25-v1");
        assertThat(result.areas()).hasSize(5);
        assertThat(result.areas().values()).allMatch(s -> s.level() == 6 && s.band() == Band.ADVANCED && s.percent() == 100);
    }

    @Test
    void allWrongWithTheLowestSelfRatingIsLevelOneEverywhere() {
        var result = SCORING.score(CheckKind.QUICK, take(CheckKind.QUICK, i -> wrong(i)));
        assertThat(result.areas().values()).allMatch(s -> s.level() == 1 && s.band() == Band.FOUNDATION && s.percent() == 0);
    }

    @Test
    void rightFirstStageButWrongHarderStageIsIntermediate() {
        Routing.QuickArea area = ROUTING.quickArea("2");
        var answers = take(CheckKind.QUICK, item -> area.harder().contains(item) ? wrong(item)
                : item.objective() ? item.answer() : List.of("2"));
        // objective (2+2 right, 1+1 presumed right, 3+3 wrong) = 6/12 = 50 %; self 2/3 = 66.7 %; 0.75·50 + 0.25·66.7 = 54
        Standing standing = SCORING.score(CheckKind.QUICK, answers).areas().get("2");
        assertThat(standing).isEqualTo(new Standing(54, 4, Band.INTERMEDIATE));
    }

    @Test
    void oneFirstStageItemWrongThenEasierStageRightIsFoundation() {
        Routing.QuickArea area = ROUTING.quickArea("5");
        Item missed = area.objectiveFirstStage().get(0);
        var answers = take(CheckKind.QUICK, item -> item.equals(missed) ? wrong(item)
                : item.objective() ? item.answer() : List.of("0"));
        // objective (0+2 intermediate, 1+1 foundation, 3+3 presumed wrong) = 4/12 = 33.3 %; self 0; 0.75·33.3 = 25
        Standing standing = SCORING.score(CheckKind.QUICK, answers).areas().get("5");
        assertThat(standing).isEqualTo(new Standing(25, 2, Band.FOUNDATION));
        assertThat(SCORING.score(CheckKind.QUICK, answers).competences().get(missed.competence()).level()).isLessThanOrEqualTo(2);
    }

    @Test
    void theFullCheckCoversEveryCompetence() {
        var answers = take(CheckKind.FULL, item -> item.band() == Band.ADVANCED ? wrong(item)
                : item.objective() ? item.answer() : List.of("3"));
        assertThat(answers).hasSize(BANK.all().size());
        var result = SCORING.score(CheckKind.FULL, answers);
        assertThat(result.competences()).hasSize(21);
        // objective 3/6 = 50 %, self (3 and 0) = 50 %: 50 → level 4
        assertThat(result.competences().values()).allMatch(s -> s.percent() == 50 && s.level() == 4);
    }
}
