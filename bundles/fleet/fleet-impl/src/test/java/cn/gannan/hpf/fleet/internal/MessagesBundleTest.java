package cn.gannan.hpf.fleet.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/** The services' message bundles: the same keys in zh-CN and English, valid patterns, every key the code uses. */
public class MessagesBundleTest {

    static Properties load(String suffix) throws IOException {
        String path = "/cn/gannan/hpf/fleet/internal/Messages" + suffix + ".properties";
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(path)) {
            assertNotNull(path, in);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    public void bundlesHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties root = load("");
        Properties en = load("_en");
        Properties zh = load("_zh_CN");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(root.stringPropertyNames()));
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (Properties p : new Properties[] { root, en, zh }) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertFalse(k, v.isBlank());
                assertFalse("a straight apostrophe breaks MessageFormat: " + k, v.contains("'"));
                new MessageFormat(v);
            }
        }
    }

    @Test
    public void everyKeyTheCodeUsesExists() throws IOException {
        Properties zh = load("_zh_CN");
        Pattern use = Pattern.compile("msg\\(\"([a-zA-Z0-9.]+)\"[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        for (cn.gannan.hpf.fleet.api.RolloutStatus st : cn.gannan.hpf.fleet.api.RolloutStatus.values()) {
            if (!zh.containsKey(st.messageKey())) {
                missing.add(st.messageKey());
            }
        }
        for (String action : new String[] { "start", "approve", "retry", "cancel" }) {
            if (!zh.containsKey("rolloutAction." + action)) {
                missing.add("rolloutAction." + action);
            }
        }
        assertTrue("missing keys: " + missing, missing.isEmpty());
    }
}
