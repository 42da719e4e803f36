package org.learningmap.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring rule, versioned: every result stores the {@link #RULE} it was scored with, so a later
 * rule never changes what a person was told.
 *
 * <p>Rule {@value #RULE}: an objective item counts by its band (foundation 1, intermediate 2, advanced 3).
 * Items the quick check skipped by routing count as answered the way the route implies: after a
 * harder route the easier items count as right, after an easier route the harder items count as
 * wrong. The objective score is the weighted share right; self-ratings (0–3) give a self score; the
 * combined score is 75 % objective and 25 % self-rating (objective alone when no self-rating was
 * given). Levels split 0–100 into six equal steps; levels 1–2 are Foundation, 3–4 Intermediate, 5–6
 * Advanced. A competence with no question asked has no standing.
 */
final class Scoring {

    static final String RULE = "weighted-75-25-v1";

    record Result(String rule, String bank, Map<String, Standing> areas, Map<String, Standing> competences) {
    }

    private final Routing routing;
    private final String bankVersion;
    private final ItemBank bank;

    Scoring(Routing routing, ItemBank bank) {
        this.routing = routing;
        this.bank = bank;
        this.bankVersion = bank.version();
    }

    Result score(CheckKind kind, Map<String, List<String>> answers) {
        List<Credit> credits = credits(kind, answers);
        Map<String, Standing> areas = new LinkedHashMap<>();
        Map<String, Standing> competences = new LinkedHashMap<>();
        for (Framework.Area area : routing.framework().areas()) {
            standing(credits.stream().filter(c -> c.item().area().equals(area.code())).toList())
                    .ifPresent(s -> areas.put(area.code(), s));
            for (Framework.Competence competence : area.competences()) {
                standing(credits.stream().filter(c -> c.item().competence().equals(competence.code())).toList())
                        .ifPresent(s -> competences.put(competence.code(), s));
            }
        }
        return new Result(RULE, bankVersion, areas, competences);
    }

    /** What an item contributes: 0–1 of its weight for objective items, 0–1 of the scale for self-ratings. */
    record Credit(Item item, double share) {
    }

    private List<Credit> credits(CheckKind kind, Map<String, List<String>> answers) {
        List<Credit> credits = new ArrayList<>();
        if (kind == CheckKind.FULL) {
            for (Item item : bank.all()) {
                if (answers.containsKey(item.id())) {
                    credits.add(credit(item, answers.get(item.id())));
                }
            }
            return credits;
        }
        for (Framework.Area area : routing.framework().areas()) {
            Routing.QuickArea q = routing.quickArea(area.code());
            var route = routing.route(area.code(), answers);
            if (route.isEmpty()) {
                continue;
            }
            q.firstStage().forEach(item -> credits.add(credit(item, answers.get(item.id()))));
            boolean harder = route.get() == Routing.Route.HARDER;
            for (Item item : harder ? q.harder() : q.easier()) {
                if (answers.containsKey(item.id())) {
                    credits.add(credit(item, answers.get(item.id())));
                }
            }
            (harder ? q.easier() : q.harder()).forEach(item -> credits.add(new Credit(item, harder ? 1 : 0)));
        }
        return credits;
    }

    private static Credit credit(Item item, List<String> response) {
        if (!item.objective()) {
            return new Credit(item, Integer.parseInt(response.get(0)) / (double) Item.SELF_MAX);
        }
        return new Credit(item, item.correct(response) ? 1 : 0);
    }

    private static java.util.Optional<Standing> standing(List<Credit> credits) {
        if (credits.isEmpty()) {
            return java.util.Optional.empty();
        }
        double weight = 0;
        double earned = 0;
        double self = 0;
        int selfCount = 0;
        for (Credit credit : credits) {
            if (credit.item().objective()) {
                weight += credit.item().band().weight();
                earned += credit.item().band().weight() * credit.share();
            } else {
                self += credit.share();
                selfCount++;
            }
        }
        double score;
        if (weight == 0) {
            score = 100 * self / selfCount;
        } else if (selfCount == 0) {
            score = 100 * earned / weight;
        } else {
            score = 75 * earned / weight + 25 * self / selfCount;
        }
        int level = Math.min(6, 1 + (int) Math.floor(score * 6 / 100 + 1e-9));
        return java.util.Optional.of(new Standing((int) Math.round(score), level, Band.ofLevel(level)));
    }
}
