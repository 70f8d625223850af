package cn.gannan.hpf.shell.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.Test;

public class MessagesBundleTest {

    private static Properties load(String suffix) throws IOException {
        String path = "/cn/gannan/hpf/shell/ui/internal/Messages" + suffix + ".properties";
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(path)) {
            assertNotNull(path, in);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    public void bundlesHaveTheSameNonEmptyKeys() throws IOException {
        Properties root = load("");
        Properties en = load("_en");
        Properties zh = load("_zh_CN");
        assertEquals(root.stringPropertyNames(), zh.stringPropertyNames());
        assertEquals(root.stringPropertyNames(), en.stringPropertyNames());
        for (Properties p : new Properties[] { root, en, zh }) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertFalse(k, v.isBlank());
                assertFalse("straight apostrophe breaks MessageFormat: " + k, v.contains("'"));
                new MessageFormat(v); // parses
            }
        }
    }

    @Test
    public void chineseIsChineseAndDefault() throws IOException {
        Properties zh = load("_zh_CN");
        assertEquals("甘南州住房公积金管理中心 · 办公平台", zh.getProperty("app.title"));
        assertEquals("甘南州住房公积金管理中心 · 办公平台", Texts.get(Texts.ZH_CN, "app.title"));
        assertEquals("Gannan HPF Office Platform", Texts.get(Locale.ENGLISH, "app.title"));
        assertEquals(Texts.ZH_CN, Texts.normalize(null));
        assertEquals(Texts.ZH_CN, Texts.normalize(Locale.GERMAN));
        assertEquals(Texts.EN, Texts.normalize(Locale.US));
        assertTrue(Texts.get(Texts.ZH_CN, "header.user", "张三", "单位管理员").contains("张三"));
    }
}
