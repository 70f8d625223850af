package cn.gannan.hpf.meetings.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
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

/** Both languages carry the same keys, in the UI bundle and the API bundle, and the code uses no missing key. */
public class MessagesBundleTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(resource, in);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Properties file(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(path))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    public void uiBundlesHaveTheSameKeys() throws IOException {
        String base = "cn/gannan/hpf/meetings/ui/internal/Messages";
        Properties zh = load(base + "_zh_CN.properties");
        Properties en = load(base + "_en.properties");
        Properties root = load(base + ".properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(root.stringPropertyNames()));
    }

    @Test
    public void apiBundlesHaveTheSameKeys() throws IOException {
        String dir = "../meetings-api/src/main/resources/cn/gannan/hpf/meetings/api/Messages";
        Properties zh = file(dir + "_zh_CN.properties");
        Properties en = file(dir + "_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(file(dir + ".properties").stringPropertyNames()));
    }

    @Test
    public void everyKeyTheViewsUseExists() throws IOException {
        Properties zh = load("cn/gannan/hpf/meetings/ui/internal/Messages_zh_CN.properties");
        Pattern used = Pattern.compile("(?:ui\\.t|ctx\\.msg|\\bt)\\(\"([a-zA-Z]+\\.[a-zA-Z.]+)\"|\"((?:menu|widget|action|msg|"
                + "meetings|value|field|stats)\\.[a-zA-Z.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(Paths.get("src/main/java/cn/gannan/hpf/meetings/ui/internal"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!zh.containsKey(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue("missing keys: " + missing, missing.isEmpty());
    }
}
