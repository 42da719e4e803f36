package org.learningmap.network.cascades;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who trained whom, as a directed graph of people with the cohorts on its edges. Reach is counted in
 * unique people: someone trained twice, or by two trainers, counts once; a citizens count belongs to
 * its cohort and is added once however many of the cohort's trainers are downstream.
 */
public final class CascadeGraph {

    /** Someone and what they set off: people trained downstream (unique) and citizens counted in cohorts downstream. */
    public record Reach(int people, int citizens) {
        public int total() {
            return people + citizens;
        }
    }

    /** A person in the tree as shown: under one trainer, with the cohorts they trained in turn. */
    public record Node(CascadePerson person, Reach reach, List<Branch> cohorts, boolean shownAbove) {
    }

    /** A cohort someone trained, with its participants. */
    public record Branch(Cohort cohort, List<Node> participants) {
    }

    private final Map<Long, Cohort> cohorts = new LinkedHashMap<>();
    private final Map<Long, List<Cohort>> trainedBy = new HashMap<>();
    private final Set<Long> participants = new HashSet<>();
    private final Set<Long> trainers = new LinkedHashSet<>();

    public CascadeGraph(Collection<Cohort> all) {
        all.stream()
                .sorted((a, b) -> a.startsOn().equals(b.startsOn()) ? Long.compare(a.id(), b.id()) : a.startsOn().compareTo(b.startsOn()))
                .forEach(this::add);
    }

    private void add(Cohort cohort) {
        cohorts.put(cohort.id(), cohort);
        for (long trainer : cohort.trainers()) {
            trainedBy.computeIfAbsent(trainer, t -> new ArrayList<>()).add(cohort);
            trainers.add(trainer);
        }
        participants.addAll(cohort.participants());
    }

    /** The people someone trained directly, in any cohort. */
    private Set<Long> children(long person) {
        Set<Long> children = new LinkedHashSet<>();
        for (Cohort cohort : trainedBy.getOrDefault(person, List.of())) {
            children.addAll(cohort.participants());
        }
        return children;
    }

    /** Everyone trained downstream of the person, each once, without the person. */
    public Set<Long> downstream(long person) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(children(person));
        while (!next.isEmpty()) {
            long current = next.pop();
            if (current != person && seen.add(current)) {
                next.addAll(children(current));
            }
        }
        return seen;
    }

    public Reach reach(long person) {
        Set<Long> people = downstream(person);
        Set<Long> teaching = new HashSet<>(people);
        teaching.add(person);
        Set<Long> counted = new HashSet<>();
        int citizens = 0;
        for (long teacher : teaching) {
            for (Cohort cohort : trainedBy.getOrDefault(teacher, List.of())) {
                if (counted.add(cohort.id())) {
                    citizens += cohort.citizensReached();
                }
            }
        }
        return new Reach(people.size(), citizens);
    }

    /** The whole cascade: unique people trained in any cohort and all citizens counted. */
    public Reach total() {
        int citizens = cohorts.values().stream().mapToInt(Cohort::citizensReached).sum();
        return new Reach(participants.size(), citizens);
    }

    /**
     * The first person of a proposed cohort who would end up training themselves, directly or further
     * down the cascade, if the cohort were recorded as given (replacing the cohort of the same id).
     */
    public static Optional<Long> cycleIn(Collection<Cohort> existing, Cohort proposed) {
        List<Cohort> all = new ArrayList<>(existing.stream().filter(c -> c.id() != proposed.id()).toList());
        all.add(proposed);
        CascadeGraph graph = new CascadeGraph(all);
        for (long participant : proposed.participants()) {
            Set<Long> below = graph.downstream(participant);
            for (long trainer : proposed.trainers()) {
                if (trainer == participant || below.contains(trainer)) {
                    return Optional.of(participant);
                }
            }
        }
        return Optional.empty();
    }

    /** Trainers no cohort of this cascade trained: where the tree starts. */
    public List<Long> roots() {
        return trainers.stream().filter(t -> !participants.contains(t)).toList();
    }

    /**
     * The cascade as a tree for reading: from each root down. Someone trained by two trainers appears
     * under each; their own cohorts are spelled out the first time only ({@code shownAbove} after that).
     */
    public List<Node> tree(Map<Long, CascadePerson> people) {
        Set<Long> expanded = new HashSet<>();
        List<Node> roots = new ArrayList<>();
        for (long root : roots()) {
            roots.add(node(root, people, expanded));
        }
        return roots;
    }

    private Node node(long person, Map<Long, CascadePerson> people, Set<Long> expanded) {
        CascadePerson who = people.getOrDefault(person, new CascadePerson(person, null, "#" + person));
        List<Cohort> taught = trainedBy.getOrDefault(person, List.of());
        if (!taught.isEmpty() && !expanded.add(person)) {
            return new Node(who, reach(person), List.of(), true);
        }
        List<Branch> branches = new ArrayList<>();
        for (Cohort cohort : taught) {
            List<Node> children = new ArrayList<>();
            for (long participant : cohort.participants()) {
                children.add(node(participant, people, expanded));
            }
            branches.add(new Branch(cohort, children));
        }
        return new Node(who, reach(person), branches, false);
    }
}
