package org.learningmap.impact;

import java.util.ArrayList;
import java.util.List;

/** The geometry of the server-rendered SVG bar charts; each bar carries the same text as the table beside it. */
public final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LABEL_ROW = 20;

    /** One bar: its label, the figure as shown, and where it is drawn (a suppressed bar has no height). */
    public record Bar(String label, String text, boolean suppressed, double x, double y, double width, double height,
               double textX, double textY) {
    }

    private Charts() {
    }

    /** Vertical bars, one per month. */
    static List<Bar> columns(List<String> labels, List<Figure> figures) {
        long max = Math.max(1, figures.stream().mapToLong(Figure::raw).max().orElse(1));
        int n = Math.max(1, figures.size());
        double slot = (double) WIDTH / n;
        double plot = HEIGHT - 2 * LABEL_ROW;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            double h = f.suppressed() ? 0 : plot * f.raw() / max;
            double x = i * slot + slot * 0.15;
            double y = LABEL_ROW + plot - h;
            bars.add(new Bar(labels.get(i), f.text(), f.suppressed(), round(x), round(y), round(slot * 0.7), round(h),
                    round(i * slot + slot / 2), round(y - 4)));
        }
        return bars;
    }

    /** Horizontal bars, one per area; the label is written above each bar. */
    static List<Bar> rows(List<String> labels, List<Figure> figures) {
        long max = Math.max(1, figures.stream().mapToLong(Figure::raw).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        double rowHeight = 36;
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            double w = f.suppressed() ? 0 : (WIDTH - 80) * (double) f.raw() / max;
            double y = i * rowHeight + 18;
            bars.add(new Bar(labels.get(i), f.text(), f.suppressed(), 0, round(y), round(w), 14, round(w + 6), round(y + 12)));
        }
        return bars;
    }

    static int rowsHeight(int rows) {
        return rows * 36 + 8;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
