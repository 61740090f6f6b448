package lt.smssafe.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lt.smssafe.queries.Dashboard;

/**
 * The dashboard's chart as shapes for an SVG the view draws: one column per day, stacked by country (or operator) and currency,
 * as high as the day's revenue. Revenue of different currencies stacks as numbers; the legend names each.
 *
 * @param width and {@code height}: the drawing's own coordinates; it scales to the page's width
 */
public record DailyChart(int width, int height, List<Bar> bars, List<Legend> legend, List<Label> labels,
        String maximum) {
    static final int WIDTH = 960;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 24;
    private static final String[] COLOURS = {"#2f6690", "#d9822b", "#3a7d44", "#9b2915", "#6c4f8a", "#8a6d3b"};

    /** One rectangle: a day's revenue of one series, with its tooltip. */
    public record Bar(int x, int y, int width, int height, String colour, String title) {
    }

    /** One series' colour and name. */
    public record Legend(String colour, String name) {
    }

    /**
     * An axis label; {@code anchor} is SVG's {@code text-anchor}: the last day's label ends at the right edge, so
     * it is not cut off when a phone's page writes the labels larger.
     */
    public record Label(int x, int y, String text, String anchor) {
    }

    /** The chart, each series named as {@code names} says (a series missing there by its key). */
    static DailyChart of(Dashboard dashboard, java.util.Map<String, String> names) {
        List<String> series = dashboard.series();
        BigDecimal max = dashboard.days().stream()
                .map(d -> d.bySeries().values().stream().map(Dashboard.Figures::revenue)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal scale = max.signum() == 0 ? BigDecimal.ONE : max;
        int plotHeight = HEIGHT - BOTTOM - 8;
        int columns = dashboard.days().size();
        int step = (WIDTH - LEFT) / Math.max(columns, 1);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        DateTimeFormatter dayLabel = DateTimeFormatter.ofPattern("MM-dd");
        for (int i = 0; i < columns; i++) {
            Dashboard.Day day = dashboard.days().get(i);
            int x = LEFT + i * step + 1;
            int top = HEIGHT - BOTTOM;
            for (int s = 0; s < series.size(); s++) {
                Dashboard.Figures figures = day.bySeries().get(series.get(s));
                if (figures == null || figures.revenue().signum() == 0) {
                    continue;
                }
                int h = Math.max(1, figures.revenue().multiply(BigDecimal.valueOf(plotHeight))
                        .divide(scale, 0, RoundingMode.HALF_UP).intValue());
                top -= h;
                bars.add(new Bar(x, top, Math.max(step - 2, 1), h, COLOURS[s % COLOURS.length], day.date() + " "
                        + names.getOrDefault(series.get(s), series.get(s)) + ": " + figures.payments() + " · "
                        + figures.revenue().toPlainString()));
            }
            // every fifth day and the last, but not a fifth day so near the last that the two would overlap
            if (i % 5 == 0 && columns - 1 - i >= 5 || i == columns - 1) {
                boolean last = i == columns - 1;
                labels.add(new Label(last ? WIDTH - 2 : x, HEIGHT - 6, dayLabel.format(day.date()),
                        last ? "end" : "start"));
            }
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            legend.add(new Legend(COLOURS[s % COLOURS.length], names.getOrDefault(series.get(s), series.get(s))));
        }
        return new DailyChart(WIDTH, HEIGHT, bars, legend, labels, max.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    /** The left edge of the plot, where the axis is drawn. */
    public int left() {
        return LEFT;
    }

    /** The baseline's height. */
    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    /** The top of the plot, where the maximum is written. */
    public int top() {
        return 8;
    }

}
