package cn.gannan.hpf.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.Test;

/** The core bundle: English root and Chinese have the same keys, and every enum shown to users has both labels. */
public class MessagesBundleTest {

    private static Properties load(String suffix) throws IOException {
        String path = "/cn/gannan/hpf/core/api/Messages" + suffix + ".properties";
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(path)) {
            assertNotNull(path, in);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    public void rootAndChineseHaveTheSameKeys() throws IOException {
        assertEquals(load("").stringPropertyNames(), load("_zh_CN").stringPropertyNames());
    }

    @Test
    public void everyStatusAndUnitTypeHasBothLabels() throws IOException {
        Properties root = load("");
        Properties zh = load("_zh_CN");
        for (PoliticalStatus s : PoliticalStatus.values()) {
            assertFalse(s.name(), root.getProperty(s.messageKey(), "").isBlank());
            assertFalse(s.name(), zh.getProperty(s.messageKey(), "").isBlank());
        }
        for (OrgUnitType t : OrgUnitType.values()) {
            assertFalse(t.name(), root.getProperty(t.messageKey(), "").isBlank());
            assertFalse(t.name(), zh.getProperty(t.messageKey(), "").isBlank());
        }
        assertEquals("正式党员（留党察看）", Msg.core(PoliticalStatus.PARTY_PROBATION.messageKey()).format(Msg.ZH_CN));
        assertEquals("党的基层委员会（机关党委）", Msg.core(OrgUnitType.PRIMARY_COMMITTEE.messageKey()).format(Msg.ZH_CN));
        assertEquals("Primary-level party committee (机关党委)",
                Msg.core(OrgUnitType.PRIMARY_COMMITTEE.messageKey()).format(Locale.ENGLISH));
    }
}
