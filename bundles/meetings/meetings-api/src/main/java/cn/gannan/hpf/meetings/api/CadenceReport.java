package cn.gannan.hpf.meetings.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Cadence compliance (三会一课) of a year: one row per body and required meeting type, one cell per
 * period.
 */
public record CadenceReport(int year, LocalDate asOf, List<Row> rows) {

    public CadenceReport {
        rows = List.copyOf(rows);
    }

    /** Held: at least one meeting; missing: none and the period is over; due: current period, none yet. */
    public enum State {
        HELD, MISSING, DUE, FUTURE;

        public String messageKey() {
            return "cadenceState." + name();
        }
    }

    /** @param period 1-based: month, quarter or 1 for the year */
    public record Cell(int period, LocalDate from, LocalDate to, int held, State state) {
    }

    public record Row(String officeCode, String bodyId, String bodyName, MeetingType type, Cadence cadence,
            List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public long missing() {
            return cells.stream().filter(c -> c.state() == State.MISSING).count();
        }
    }

    public long missing() {
        return rows.stream().mapToLong(Row::missing).sum();
    }
}
