package org.learningmap.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the result's bar chart, drawn as SVG on the server: one bar per area, as long as
 * its level (1–6), with the area's name above it. The same numbers are in the table beside it.
 */
record ResultChart(int width, int height, List<Bar> bars, List<Integer> ticks) {

    static final int WIDTH = 320;
    static final int ROW = 56;
    static final int LEFT = 4;
    static final int SCALE = WIDTH - LEFT - 8;

    record Bar(String area, String title, int level, Band band, int y, int length) {
    }

    static ResultChart of(Framework framework, Scoring.Result result, String language) {
        List<Bar> bars = new ArrayList<>();
        int y = 8;
        for (Framework.Area area : framework.areas()) {
            Standing standing = result.areas().get(area.code());
            if (standing == null) {
                continue;
            }
            bars.add(new Bar(area.code(), area.code() + ". " + area.title().in(language), standing.level(), standing.band(), y,
                    SCALE * standing.level() / 6));
            y += ROW;
        }
        List<Integer> ticks = new ArrayList<>();
        for (int level = 1; level <= 6; level++) {
            ticks.add(LEFT + SCALE * level / 6);
        }
        return new ResultChart(WIDTH, y + 16, bars, ticks);
    }
}
