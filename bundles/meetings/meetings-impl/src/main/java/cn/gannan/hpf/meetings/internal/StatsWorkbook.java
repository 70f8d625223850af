package cn.gannan.hpf.meetings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.meetings.api.MeetingStats;
import cn.gannan.hpf.meetings.api.MeetingType;

/** The statistics of a year as an Excel workbook: summary, meetings by type, topics by category, bodies. */
final class StatsWorkbook {

    private StatsWorkbook() {
    }

    static byte[] write(MeetingStats s, Map<String, String> categoryNames, Locale locale) {
        List<List<?>> summary = new ArrayList<>();
        summary.add(List.of(t(locale, "stats.year"), s.year()));
        summary.add(List.of(t(locale, "stats.office"), s.officeCode() == null ? t(locale, "stats.allOffices") : s.officeCode()));
        summary.add(List.of(t(locale, "stats.meetings"), s.meetingsByType().values().stream().mapToLong(Long::longValue).sum()));
        summary.add(List.of(t(locale, "stats.minutesIssued"), s.minutesIssued()));
        summary.add(List.of(t(locale, "stats.topics"), s.topics()));
        summary.add(List.of(t(locale, "stats.theoryStudy"), s.theoryStudySessions()));
        summary.add(List.of(t(locale, "stats.collectiveStudy"), s.collectiveStudySessions()));
        summary.add(List.of(t(locale, "stats.actionsOpen"), s.actionsOpen()));
        summary.add(List.of(t(locale, "stats.actionsOverdue"), s.actionsOverdue()));
        summary.add(List.of(t(locale, "stats.actionsDone"), s.actionsDone()));
        List<List<?>> types = new ArrayList<>();
        for (Map.Entry<MeetingType, Long> e : s.meetingsByType().entrySet()) {
            types.add(List.of(t(locale, e.getKey().messageKey()), e.getValue()));
        }
        List<List<?>> cats = new ArrayList<>();
        for (Map.Entry<String, Long> e : s.topicsByCategory().entrySet()) {
            cats.add(List.of(categoryNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        }
        List<List<?>> bodies = new ArrayList<>();
        for (MeetingStats.BodyLine b : s.byBody()) {
            bodies.add(List.of(b.officeCode(), b.bodyName(), b.meetings(), b.minutesIssued(), b.topics(), b.studySessions()));
        }
        return Xlsx.write(List.of(
                new Xlsx.Sheet(t(locale, "stats.sheet.summary"), List.of(t(locale, "stats.metric"), t(locale, "stats.value")),
                        summary),
                new Xlsx.Sheet(t(locale, "stats.sheet.types"), List.of(t(locale, "stats.type"), t(locale, "stats.count")), types),
                new Xlsx.Sheet(t(locale, "stats.sheet.categories"), List.of(t(locale, "stats.category"),
                        t(locale, "stats.count")), cats),
                new Xlsx.Sheet(t(locale, "stats.sheet.bodies"), List.of(t(locale, "stats.office"), t(locale, "stats.body"),
                        t(locale, "stats.meetings"), t(locale, "stats.minutesIssued"), t(locale, "stats.topics"),
                        t(locale, "stats.study")), bodies)));
    }

    private static String t(Locale locale, String key) {
        return Texts.text(locale, key);
    }
}
