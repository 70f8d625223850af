package cn.gannan.hpf.elections.api.rules;

import static org.junit.Assert.assertEquals;

import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.Test;

/** The Chinese, English and root bundles have the same keys. */
public class MessagesBundleTest {

    private static TreeSet<String> keys(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/cn/gannan/hpf/elections/api/Messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    public void sameKeys() throws Exception {
        assertEquals(keys("_zh_CN"), keys("_en"));
        assertEquals(keys("_zh_CN"), keys(""));
    }
}
