package cn.gannan.hpf.counter.api.rules;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MasksTest {

    @Test
    public void idNumberKeepsSixAndFour() {
        assertEquals("110105********002X", Masks.idNumber("11010519491231002X"));
        assertEquals("623001********0018", Masks.idNumber(" 623001198001010018 "));
    }

    @Test
    public void shortOrEmptyIdsRevealAtMostTwo() {
        assertEquals("", Masks.idNumber(null));
        assertEquals("", Masks.idNumber(" "));
        assertEquals("****56", Masks.idNumber("123456"));
        assertEquals("1", Masks.idNumber("1"));
        assertEquals("********90", Masks.idNumber("1234567890"));
        assertEquals("123456*7890", Masks.idNumber("12345617890"));
    }

    @Test
    public void mobileKeepsThreeAndFour() {
        assertEquals("138****5678", Masks.phone("13812345678"));
        assertEquals("138****5678", Masks.phone(" 13812345678 "));
    }

    @Test
    public void landlineAndShortNumbers() {
        assertEquals("094*****1234", Masks.phone("094182111234"));
        assertEquals("821***1234".length(), Masks.phone("8211231234").length());
        assertEquals("821***1234", Masks.phone("8211231234"));
        assertEquals("1234567", Masks.phone("1234567"));
        assertEquals("****56", Masks.phone("123456"));
        assertEquals("", Masks.phone(null));
    }

    @Test
    public void nameKeepsSurname() {
        assertEquals("张*", Masks.name("张三"));
        assertEquals("扎**", Masks.name("扎西才"));
        assertEquals("", Masks.name(null));
    }
}
