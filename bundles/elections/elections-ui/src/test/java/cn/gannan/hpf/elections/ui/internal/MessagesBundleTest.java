package cn.gannan.hpf.elections.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/** zh-CN, English and root bundles have the same keys, and every key the views use exists. */
public class MessagesBundleTest {

    private static Set<String> keys(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/cn/gannan/hpf/elections/ui/internal/Messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    public void sameKeysInEveryLanguage() throws Exception {
        assertEquals(keys("_zh_CN"), keys("_en"));
        assertEquals(keys("_zh_CN"), keys(""));
    }

    @Test
    public void everyKeyUsedExists() throws Exception {
        Set<String> known = keys("_zh_CN");
        Pattern used = Pattern.compile("\\bt\\(\"([a-zA-Z.]+)\"|TITLE \\+ \"=([a-zA-Z.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!known.contains(k)) {
                        missing.add(k);
                    }
                }
            }
        }
        assertTrue("missing: " + missing, missing.isEmpty());
    }
}
