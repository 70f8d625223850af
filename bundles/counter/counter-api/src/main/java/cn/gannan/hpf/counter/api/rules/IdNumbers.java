package cn.gannan.hpf.counter.api.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-digit citizen ID number of GB 11643-1999: 6 digits of region, 8 of birth date
 * (yyyyMMdd), 3 of sequence, and a check character computed with ISO 7064 MOD 11-2 (weights
 * 2^(17-i) mod 11; remainder 0..10 maps to 1 0 X 9 8 7 6 5 4 3 2).
 */
public final class IdNumbers {

    /** Why a number was refused, most basic first. */
    public enum Problem {
        /** Empty. */
        MISSING,
        /** Not 18 characters. */
        LENGTH,
        /** Not 17 digits followed by a digit or X. */
        FORMAT,
        /** The birth date (characters 7 to 14) is not a real date, is in the future or before 1800. */
        BIRTH_DATE,
        /** The last character does not match the check digit of the first 17. */
        CHECK_DIGIT
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The check character of the first 17 digits. */
    public static char checkDigit(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("17 digits expected");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Upper-cases a trailing x and strips blanks; null stays null. */
    public static String normalize(String id) {
        return id == null ? null : id.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The first problem of the number as of {@code today}, or empty when it is valid. */
    public static Optional<Problem> check(String raw, LocalDate today) {
        String id = normalize(raw);
        if (id == null || id.isEmpty()) {
            return Optional.of(Problem.MISSING);
        }
        if (id.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        if (!id.matches("[0-9]{17}[0-9X]")) {
            return Optional.of(Problem.FORMAT);
        }
        Optional<LocalDate> birth = birthDate(id);
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().getYear() < 1800) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (checkDigit(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    public static boolean isValid(String id, LocalDate today) {
        return check(id, today).isEmpty();
    }

    /** The birth date encoded in a well-formed number, if it is a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
