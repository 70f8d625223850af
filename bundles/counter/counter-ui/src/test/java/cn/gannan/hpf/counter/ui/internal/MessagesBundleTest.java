package cn.gannan.hpf.counter.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/** Both languages are complete, and every key the views use exists. */
public class MessagesBundleTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    public void uiBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("cn/gannan/hpf/counter/ui/internal/Messages_zh_CN.properties");
        Properties en = load("cn/gannan/hpf/counter/ui/internal/Messages_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        assertFalse(zh.isEmpty());
    }

    @Test
    public void everyKeyUsedInTheViewsExists() throws IOException {
        Properties zh = load("cn/gannan/hpf/counter/ui/internal/Messages_zh_CN.properties");
        Pattern used = Pattern.compile("(?:ui\\.t|ctx\\.msg|\\bt)\\(\"([a-zA-Z]+\\.[a-zA-Z.]+[a-zA-Z])\"");
        Pattern props = Pattern.compile("ShellConstants\\.TITLE \\+ \"=([a-zA-Z.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                for (Pattern p : new Pattern[] {used, props}) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        if (!zh.containsKey(m.group(1))) {
                            missing.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue("missing keys: " + missing, missing.isEmpty());
    }

    @Test
    public void apiBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("cn/gannan/hpf/counter/api/Messages_zh_CN.properties");
        Properties en = load("cn/gannan/hpf/counter/api/Messages_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
    }
}
