package cn.gannan.hpf.core.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.Locale;

import org.junit.Test;

import cn.gannan.hpf.core.api.Msg;

public class AcceptLanguageTest {

    @Test
    public void defaultIsSimplifiedChinese() {
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse(null));
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse(" "));
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse("*"));
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse("fr-FR, de"));
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse("en;q=abc")); // malformed
    }

    @Test
    public void englishWhenPreferred() {
        assertEquals(Locale.ENGLISH, AcceptLanguage.parse("en"));
        assertEquals(Locale.ENGLISH, AcceptLanguage.parse("en-US,en;q=0.9"));
        assertEquals(Locale.ENGLISH, AcceptLanguage.parse("fr;q=0.9, en-GB;q=0.8, zh;q=0.5"));
        assertEquals(Locale.ENGLISH, AcceptLanguage.parse("zh;q=0, en"));
    }

    @Test
    public void chineseWhenWeighedHigher() {
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Msg.ZH_CN, AcceptLanguage.parse("en;q=0.4, zh-TW;q=0.6"));
    }
}
