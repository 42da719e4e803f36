package org.learningmap.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which questions a check asks, in which order. The full check asks every item of every competence.
 * The quick check asks, per area, a first stage (a self-rating and two intermediate items); a person
 * who answers both intermediate items correctly goes on to two advanced items, everyone else to two
 * foundation items. Five areas of five questions: 25 questions, about 15 minutes.
 */
final class Routing {

    enum Route { EASIER, HARDER }

    /** The questions of one area of the quick check. */
    record QuickArea(String area, List<Item> firstStage, List<Item> easier, List<Item> harder) {

        List<Item> objectiveFirstStage() {
            return firstStage.stream().filter(Item::objective).toList();
        }
    }

    private final ItemBank bank;
    private final Framework framework;
    private final Map<String, QuickArea> quick = new LinkedHashMap<>();

    Routing(ItemBank bank, Framework framework) {
        this.bank = bank;
        this.framework = framework;
        for (Framework.Area area : framework.areas()) {
            List<String> codes = area.competences().stream().map(Framework.Competence::code).toList();
            String first = codes.get(0);
            String second = codes.get(1);
            String penultimate = codes.get(codes.size() - 2);
            String last = codes.get(codes.size() - 1);
            quick.put(area.code(), new QuickArea(area.code(),
                    List.of(bank.pick(first, Item.Kind.SELF, null), bank.pick(first, Item.Kind.CHOICE, Band.INTERMEDIATE),
                            bank.pick(second, Item.Kind.CHOICE, Band.INTERMEDIATE)),
                    List.of(bank.pick(penultimate, Item.Kind.CHOICE, Band.FOUNDATION), bank.pick(last, Item.Kind.CHOICE, Band.FOUNDATION)),
                    List.of(bank.pick(penultimate, Item.Kind.CHOICE, Band.ADVANCED), bank.pick(last, Item.Kind.CHOICE, Band.ADVANCED))));
        }
    }

    ItemBank bank() {
        return bank;
    }

    Framework framework() {
        return framework;
    }

    QuickArea quickArea(String area) {
        return quick.get(area);
    }

    /** How many questions the check asks in all. */
    int length(CheckKind kind) {
        return kind == CheckKind.FULL ? fullSequence().size()
                : quick.values().stream().mapToInt(q -> q.firstStage().size() + q.easier().size()).sum();
    }

    /** The route of an area of the quick check, once its first stage is answered; empty before. */
    Optional<Route> route(String area, Map<String, List<String>> answers) {
        QuickArea q = quick.get(area);
        if (q == null || !q.firstStage().stream().allMatch(i -> answers.containsKey(i.id()))) {
            return Optional.empty();
        }
        boolean allRight = q.objectiveFirstStage().stream().allMatch(i -> i.correct(answers.get(i.id())));
        return Optional.of(allRight ? Route.HARDER : Route.EASIER);
    }

    /** The questions asked so far and the ones known to come, in order; routed stages appear once routed. */
    List<Item> sequence(CheckKind kind, Map<String, List<String>> answers) {
        if (kind == CheckKind.FULL) {
            return fullSequence();
        }
        List<Item> sequence = new ArrayList<>();
        for (QuickArea q : quick.values()) {
            sequence.addAll(q.firstStage());
            Optional<Route> route = route(q.area(), answers);
            if (route.isEmpty()) {
                return sequence;
            }
            sequence.addAll(route.get() == Route.HARDER ? q.harder() : q.easier());
        }
        return sequence;
    }

    /** The next question to ask, or empty when the check is complete. */
    Optional<Item> next(CheckKind kind, Map<String, List<String>> answers) {
        return sequence(kind, answers).stream().filter(i -> !answers.containsKey(i.id())).findFirst();
    }

    private List<Item> fullSequence() {
        List<Item> all = new ArrayList<>();
        for (Framework.Competence competence : framework.competences()) {
            List<Item> items = bank.ofCompetence(competence.code());
            items.stream().filter(i -> !i.objective()).forEach(all::add);
            items.stream().filter(Item::objective).sorted(java.util.Comparator.comparing(Item::band)).forEach(all::add);
        }
        return all;
    }
}
