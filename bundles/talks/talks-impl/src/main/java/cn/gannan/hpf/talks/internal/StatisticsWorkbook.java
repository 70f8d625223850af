package cn.gannan.hpf.talks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.doc.Xlsx;
import cn.gannan.hpf.talks.api.TalkKind;
import cn.gannan.hpf.talks.api.TalkStatistics;
import cn.gannan.hpf.talks.api.TalkStatistics.BodyFigures;
import cn.gannan.hpf.talks.api.TalkStatistics.OfficeFigures;

/** The statistics as a real .xlsx: overview, by kind, by office, by body. */
final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    static byte[] write(TalkStatistics st, List<TalkKind> kinds, OfficeService offices, Locale locale) {
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        String scope = st.officeCode() == null ? t(locale, "xlsx.allOffices") : office(offices, st.officeCode(), locale);
        List<List<?>> overview = new ArrayList<>();
        overview.add(List.of(t(locale, "xlsx.year"), st.year()));
        overview.add(List.of(t(locale, "xlsx.office"), scope));
        overview.add(List.of(t(locale, "xlsx.talks"), st.talks()));
        overview.add(List.of(t(locale, "xlsx.collective"), st.collective()));
        overview.add(List.of(t(locale, "xlsx.oneOnOne"), st.oneOnOne()));
        overview.add(List.of(t(locale, "xlsx.personTimes"), st.personTimes()));
        overview.add(List.of(t(locale, "xlsx.openFollowUps"), st.openFollowUps()));
        overview.add(List.of(t(locale, "xlsx.overdueFollowUps"), st.overdueFollowUps()));
        overview.add(List.of(t(locale, "xlsx.plans"), st.plans()));
        overview.add(List.of(t(locale, "xlsx.pairs"), st.totalPairs()));
        overview.add(List.of(t(locale, "xlsx.coveredPairs"), st.coveredPairs()));
        List<Object> rate = new ArrayList<>();
        rate.add(t(locale, "xlsx.coverageRate"));
        rate.add(st.coverageRate());
        overview.add(rate);
        sheets.add(new Xlsx.Sheet(t(locale, "xlsx.sheet.overview"), List.of(t(locale, "xlsx.item"), t(locale, "xlsx.value")),
                overview));

        List<List<?>> byKind = new ArrayList<>();
        for (TalkKind k : kinds) {
            byKind.add(List.of(k.name(locale), st.byKind().getOrDefault(k.code(), 0)));
        }
        sheets.add(new Xlsx.Sheet(t(locale, "xlsx.sheet.kinds"), List.of(t(locale, "xlsx.kind"), t(locale, "xlsx.talks")),
                byKind));

        List<List<?>> byOffice = new ArrayList<>();
        for (OfficeFigures o : st.byOffice()) {
            byOffice.add(List.of(office(offices, o.officeCode(), locale), o.talks(), o.collective(), o.oneOnOne(),
                    o.personTimes(), o.openFollowUps()));
        }
        sheets.add(new Xlsx.Sheet(t(locale, "xlsx.sheet.offices"), List.of(t(locale, "xlsx.office"), t(locale, "xlsx.talks"),
                t(locale, "xlsx.collective"), t(locale, "xlsx.oneOnOne"), t(locale, "xlsx.personTimes"),
                t(locale, "xlsx.openFollowUps")), byOffice));

        List<List<?>> byBody = new ArrayList<>();
        for (BodyFigures b : st.byBody()) {
            List<Object> row = new ArrayList<>();
            row.add(office(offices, b.officeCode(), locale));
            row.add(b.orgUnitName() == null ? t(locale, "xlsx.noBody") : b.orgUnitName());
            row.add(b.talks());
            row.add(b.personTimes());
            row.add(b.totalPairs());
            row.add(b.coveredPairs());
            row.add(b.coverageRate());
            byBody.add(row);
        }
        sheets.add(new Xlsx.Sheet(t(locale, "xlsx.sheet.bodies"), List.of(t(locale, "xlsx.office"), t(locale, "xlsx.body"),
                t(locale, "xlsx.talks"), t(locale, "xlsx.personTimes"), t(locale, "xlsx.pairs"),
                t(locale, "xlsx.coveredPairs"), t(locale, "xlsx.coverageRate")), byBody));
        return Xlsx.write(sheets);
    }

    private static String office(OfficeService offices, String code, Locale locale) {
        return offices.find(code).map(o -> o.name(locale)).orElse(code);
    }

    private static String t(Locale locale, String key) {
        return TalkMessages.msg(key).format(locale);
    }
}
