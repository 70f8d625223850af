package cn.gannan.hpf.counter.api.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The official schedules shipped with the product (国务院办公厅 部分节假日安排), as reference data
 * to seed the editable calendar: 2026 (the current year) and 2017 (the year of the demo data).
 * 2027 was not yet published when this was built; enter it in the holiday calendar admin page.
 */
public final class HolidaySchedule {

    /** One entered day. */
    public record Day(LocalDate date, WorkCalendar.DayKind kind, String nameZh, String nameEn) {
    }

    private HolidaySchedule() {
    }

    public static List<Integer> years() {
        return List.of(2017, 2026);
    }

    public static List<Day> official(int year) {
        List<Day> d = new ArrayList<>();
        switch (year) {
            case 2026 -> {
                off(d, "2026-01-01", "2026-01-03", "元旦", "New Year");
                work(d, "2026-01-04", "元旦", "New Year");
                off(d, "2026-02-15", "2026-02-23", "春节", "Spring Festival");
                work(d, "2026-02-14", "春节", "Spring Festival");
                work(d, "2026-02-28", "春节", "Spring Festival");
                off(d, "2026-04-04", "2026-04-06", "清明节", "Qingming");
                off(d, "2026-05-01", "2026-05-05", "劳动节", "Labour Day");
                work(d, "2026-05-09", "劳动节", "Labour Day");
                off(d, "2026-06-19", "2026-06-21", "端午节", "Dragon Boat");
                off(d, "2026-09-25", "2026-09-27", "中秋节", "Mid-Autumn");
                off(d, "2026-10-01", "2026-10-07", "国庆节", "National Day");
                work(d, "2026-09-20", "国庆节", "National Day");
                work(d, "2026-10-10", "国庆节", "National Day");
            }
            case 2017 -> {
                off(d, "2017-01-01", "2017-01-02", "元旦", "New Year");
                off(d, "2017-01-27", "2017-02-02", "春节", "Spring Festival");
                work(d, "2017-01-22", "春节", "Spring Festival");
                work(d, "2017-02-04", "春节", "Spring Festival");
                off(d, "2017-04-02", "2017-04-04", "清明节", "Qingming");
                work(d, "2017-04-01", "清明节", "Qingming");
                off(d, "2017-04-29", "2017-05-01", "劳动节", "Labour Day");
                off(d, "2017-05-28", "2017-05-30", "端午节", "Dragon Boat");
                work(d, "2017-05-27", "端午节", "Dragon Boat");
                off(d, "2017-10-01", "2017-10-08", "中秋节、国庆节", "Mid-Autumn and National Day");
                work(d, "2017-09-30", "中秋节、国庆节", "Mid-Autumn and National Day");
            }
            default -> {
                // not published here
            }
        }
        return d;
    }

    private static void off(List<Day> d, String from, String to, String zh, String en) {
        for (LocalDate x = LocalDate.parse(from); !x.isAfter(LocalDate.parse(to)); x = x.plusDays(1)) {
            d.add(new Day(x, WorkCalendar.DayKind.OFF, zh, en));
        }
    }

    private static void work(List<Day> d, String date, String zh, String en) {
        d.add(new Day(LocalDate.parse(date), WorkCalendar.DayKind.WORK, zh, en));
    }
}
