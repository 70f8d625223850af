package cn.gannan.hpf.fleet.ui.internal;

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

import cn.gannan.hpf.fleet.api.AgentPhase;
import cn.gannan.hpf.fleet.api.Health;
import cn.gannan.hpf.fleet.api.RolloutStatus;
import cn.gannan.hpf.fleet.api.TargetStatus;
import cn.gannan.hpf.fleet.api.WaveStatus;

/** The UI bundles: same keys in zh-CN and English, valid patterns, every key the views use, every enum labelled. */
public class MessagesBundleTest {

    static Properties load(String suffix) throws IOException {
        String path = "/cn/gannan/hpf/fleet/ui/internal/Messages" + suffix + ".properties";
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
    public void everyKeyTheViewsUseAndEveryEnumHaveTexts() throws IOException {
        Properties zh = load("_zh_CN");
        Set<String> missing = new TreeSet<>();
        Pattern use = Pattern.compile("\\bt\\(\"([a-zA-Z0-9.]+)\"[,)]");
        Pattern caption = Pattern.compile("TITLE \\+ \"=([a-zA-Z0-9.]+)\"");
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : new Pattern[] { use, caption }) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        if (!zh.containsKey(m.group(1))) {
                            missing.add(m.group(1) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        for (Enum<?> e : Health.values()) {
            check(zh, "health." + e.name(), missing);
        }
        for (Enum<?> e : AgentPhase.values()) {
            check(zh, "phase." + e.name(), missing);
        }
        for (Enum<?> e : RolloutStatus.values()) {
            check(zh, "rolloutStatus." + e.name(), missing);
        }
        for (Enum<?> e : WaveStatus.values()) {
            check(zh, "waveStatus." + e.name(), missing);
        }
        for (Enum<?> e : TargetStatus.values()) {
            check(zh, "targetStatus." + e.name(), missing);
        }
        for (String entity : new String[] { "release", "signingKey", "token", "office", "heartbeat", "rollout" }) {
            check(zh, "entity." + entity, missing);
        }
        assertTrue("missing keys: " + missing, missing.isEmpty());
    }

    private static void check(Properties p, String key, Set<String> missing) {
        if (!p.containsKey(key)) {
            missing.add(key);
        }
    }
}
