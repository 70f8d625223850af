package cn.gannan.hpf.counter.api.rules;

/**
 * Masking of personal data where it is listed rather than worked on: lists, the hall display,
 * exports. ID number: first 6 and last 4 kept ({@code 620102********123X}); mobile number: first 3
 * and last 4 kept ({@code 138****5678}); a name: the surname kept ({@code 张*}, {@code 欧阳**}
 * is not attempted: only the first character is kept).
 */
public final class Masks {

    private Masks() {
    }

    public static String idNumber(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String s = id.strip();
        if (s.length() <= 10) {
            return stars(s.length() - Math.min(2, s.length())) + s.substring(s.length() - Math.min(2, s.length()));
        }
        return s.substring(0, 6) + stars(s.length() - 10) + s.substring(s.length() - 4);
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String s = phone.strip();
        if (s.length() < 7) {
            int keep = Math.min(2, s.length());
            return stars(s.length() - keep) + s.substring(s.length() - keep);
        }
        return s.substring(0, 3) + stars(s.length() - 7) + s.substring(s.length() - 4);
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String s = name.strip();
        int first = s.offsetByCodePoints(0, 1);
        return s.substring(0, first) + stars(s.codePointCount(first, s.length()));
    }

    private static String stars(int n) {
        return "*".repeat(Math.max(0, n));
    }
}
