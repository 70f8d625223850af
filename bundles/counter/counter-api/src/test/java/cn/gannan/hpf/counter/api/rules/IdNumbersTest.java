package cn.gannan.hpf.counter.api.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.Test;

import cn.gannan.hpf.counter.api.rules.IdNumbers.Problem;

public class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    public void standardExamplesAreValid() {
        assertTrue(IdNumbers.isValid("11010519491231002X", TODAY)); // GB 11643 example, check X
        assertTrue(IdNumbers.isValid("440524188001010014", TODAY));
        assertTrue(IdNumbers.isValid("623001198001010018", TODAY));
        assertTrue(IdNumbers.isValid("623001200002290015", TODAY)); // 29 Feb of a leap year
    }

    @Test
    public void checkDigitCoversEveryRemainder() {
        assertEquals('X', IdNumbers.checkDigit("11010519491231002"));
        assertEquals('4', IdNumbers.checkDigit("44052418800101001"));
        assertEquals('8', IdNumbers.checkDigit("62300119800101001"));
        assertEquals('2', IdNumbers.checkDigit("62300119850315123"));
        assertEquals('5', IdNumbers.checkDigit("62300119700101000"));
        // every one of the 11 check characters is reachable: vary the sequence digits
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int seq = 0; seq < 200; seq++) {
            seen.add(IdNumbers.checkDigit("6230011980010" + String.format("%04d", seq)));
        }
        assertEquals(11, seen.size());
    }

    @Test
    public void lowerCaseXIsAccepted() {
        assertTrue(IdNumbers.isValid("11010519491231002x", TODAY));
        assertTrue(IdNumbers.isValid(" 11010519491231002X ", TODAY));
    }

    @Test
    public void wrongCheckDigitIsRefused() {
        assertEquals(Optional.of(Problem.CHECK_DIGIT), IdNumbers.check("110105194912310020", TODAY));
        assertEquals(Optional.of(Problem.CHECK_DIGIT), IdNumbers.check("623001198001010019", TODAY));
        // one swapped digit pair is caught
        assertEquals(Optional.of(Problem.CHECK_DIGIT), IdNumbers.check("623001198001100018", TODAY));
    }

    @Test
    public void shapeProblems() {
        assertEquals(Optional.of(Problem.MISSING), IdNumbers.check(null, TODAY));
        assertEquals(Optional.of(Problem.MISSING), IdNumbers.check("  ", TODAY));
        assertEquals(Optional.of(Problem.LENGTH), IdNumbers.check("62300119800101001", TODAY));
        assertEquals(Optional.of(Problem.LENGTH), IdNumbers.check("6230011980010100188", TODAY));
        assertEquals(Optional.of(Problem.LENGTH), IdNumbers.check("623001800101001", TODAY)); // old 15-digit form
        assertEquals(Optional.of(Problem.FORMAT), IdNumbers.check("62300119800101001A", TODAY));
        assertEquals(Optional.of(Problem.FORMAT), IdNumbers.check("X23001198001010018", TODAY));
    }

    @Test
    public void birthDateMustBeReal() {
        String noLeap = "623001200102290" + "01";
        assertEquals(Optional.of(Problem.BIRTH_DATE), IdNumbers.check(noLeap + IdNumbers.checkDigit(noLeap), TODAY));
        String month13 = "62300119801301001";
        assertEquals(Optional.of(Problem.BIRTH_DATE), IdNumbers.check(month13 + IdNumbers.checkDigit(month13), TODAY));
        String future = "62300120261129001";
        assertEquals(Optional.of(Problem.BIRTH_DATE), IdNumbers.check(future + IdNumbers.checkDigit(future), TODAY));
        String born = "62300120261128001"; // born today: valid
        assertTrue(IdNumbers.isValid(born + IdNumbers.checkDigit(born), TODAY));
        String old = "62300117991231001";
        assertEquals(Optional.of(Problem.BIRTH_DATE), IdNumbers.check(old + IdNumbers.checkDigit(old), TODAY));
    }

    @Test(expected = IllegalArgumentException.class)
    public void checkDigitNeeds17Digits() {
        IdNumbers.checkDigit("1234");
    }

    @Test
    public void birthDateIsRead() {
        assertEquals(LocalDate.of(1949, 12, 31), IdNumbers.birthDate("11010519491231002X").orElseThrow());
        assertFalse(IdNumbers.birthDate("110105194913310020").isPresent());
    }
}
