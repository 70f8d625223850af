package cn.gannan.hpf.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.Test;

/** The zh-CN, English and default bundles have the same keys, all non-empty and valid message formats. */
public class MessagesBundleTest {

    private static Properties load(String suffix) throws IOException {
        String path = "/cn/gannan/hpf/modules/internal/Messages" + suffix + ".properties";
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
        assertFalse(root.isEmpty());
        assertEquals(root.stringPropertyNames(), zh.stringPropertyNames());
        assertEquals(root.stringPropertyNames(), en.stringPropertyNames());
        for (Properties p : new Properties[] {root, en, zh}) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertFalse(k, v.isBlank());
                assertFalse("straight apostrophe breaks MessageFormat: " + k, v.contains("'"));
                new MessageFormat(v);
            }
        }
        for (String k : zh.stringPropertyNames()) {
            assertTrue("zh-CN text without Chinese: " + k, zh.getProperty(k).codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        }
    }
}
