package cn.gannan.hpf.talks.ui.internal;

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
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

import cn.gannan.hpf.talks.api.PairCategory;
import cn.gannan.hpf.talks.api.ParticipantSide;
import cn.gannan.hpf.talks.api.TalkStatus;
import cn.gannan.hpf.talks.api.TalkTrigger;

/** The UI bundles: same keys in zh-CN and English, every key the views use, every enum labelled. */
public class MessagesBundleTest {

    static Properties load(String suffix) throws IOException {
        String path = "/cn/gannan/hpf/talks/ui/internal/Messages" + suffix + ".properties";
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
                new MessageFormat(v);
            }
        }
        assertEquals("2026", new MessageFormat("{0,number,#}", Locale.SIMPLIFIED_CHINESE).format(new Object[] {2026}));
    }

    @Test
    public void everyKeyTheViewsUseExists() throws IOException {
        Properties zh = load("_zh_CN");
        Pattern used = Pattern.compile("(?:ui\\.t|ctx\\.msg)\\(\"([a-zA-Z.]*[a-zA-Z])\"");
        int found = 0;
        try (Stream<Path> files = Files.list(Paths.get("src/main/java/cn/gannan/hpf/talks/ui/internal"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    found++;
                    assertTrue(f.getFileName() + " uses missing key " + m.group(1), zh.containsKey(m.group(1)));
                }
            }
        }
        assertTrue(found > 50);
        for (String k : new String[] { "talks.empty.writer", "talks.empty.reader", "plans.empty.writer",
            "plans.empty.reader", "form.newTitle", "form.editTitle", "value.confirmedOnBehalf", "action.confirm",
            "menu.talks", "menu.plans", "menu.stats", "widget.title" }) {
            assertTrue(k, zh.containsKey(k));
        }
        for (TalkTrigger t : TalkTrigger.values()) {
            assertTrue(t.messageKey(), zh.containsKey(t.messageKey()));
        }
        for (TalkStatus s : TalkStatus.values()) {
            assertTrue(s.messageKey(), zh.containsKey(s.messageKey()));
        }
        for (PairCategory c : PairCategory.values()) {
            assertTrue(c.messageKey(), zh.containsKey(c.messageKey()));
        }
        for (ParticipantSide s : ParticipantSide.values()) {
            assertTrue(zh.containsKey("side." + s.name()));
        }
    }
}
