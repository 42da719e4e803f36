package org.learningmap.network.cascades;

import java.util.List;

/** The tree as CSV, one row per person under each trainer, in reading order. */
final class CascadeCsv {

    static final String HEADER = "depth,person,trained_by,cohort,level,topic,starts_on,ends_on,people_downstream,citizens_downstream,"
            + "reached_downstream,listed_above\r\n";

    private CascadeCsv() {
    }

    static String of(List<CascadeGraph.Node> roots) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (CascadeGraph.Node root : roots) {
            write(csv, root, 0, null, null);
        }
        return csv.toString();
    }

    private static void write(StringBuilder csv, CascadeGraph.Node node, int depth, CascadeGraph.Node trainer, Cohort cohort) {
        csv.append(depth).append(',')
                .append(cell(node.person().name())).append(',')
                .append(trainer == null ? "" : cell(trainer.person().name())).append(',')
                .append(cohort == null ? "" : cell(cohort.name())).append(',')
                .append(cohort == null ? "" : cohort.level().name()).append(',')
                .append(cohort == null || cohort.topic() == null ? "" : cell(cohort.topic())).append(',')
                .append(cohort == null ? "" : cohort.startsOn()).append(',')
                .append(cohort == null ? "" : cohort.endsOn()).append(',')
                .append(node.reach().people()).append(',')
                .append(node.reach().citizens()).append(',')
                .append(node.reach().total()).append(',')
                .append(node.shownAbove()).append("\r\n");
        for (CascadeGraph.Branch branch : node.cohorts()) {
            for (CascadeGraph.Node child : branch.participants()) {
                write(csv, child, depth + 1, node, branch.cohort());
            }
        }
    }

    /** A quoted cell; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
