package cn.gannan.hpf.rooms.ui.internal;

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

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.RoomsMsg;

/** The UI's and the API's message bundles: the same keys in root, zh_CN and en, every text a valid pattern. */
public class MessagesBundleTest {

    private static Properties load(String base, String suffix) throws IOException {
        String path = "/" + base.replace('.', '/') + suffix + ".properties";
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(path)) {
            assertNotNull(path, in);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static void sameKeys(String base) throws IOException {
        Properties root = load(base, "");
        Properties en = load(base, "_en");
        Properties zh = load(base, "_zh_CN");
        assertEquals(base, root.stringPropertyNames(), zh.stringPropertyNames());
        assertEquals(base, root.stringPropertyNames(), en.stringPropertyNames());
        for (Properties p : new Properties[] { root, en, zh }) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertFalse(k, v.isBlank());
                assertFalse("straight apostrophe breaks MessageFormat: " + k, v.contains("'"));
                new MessageFormat(v);
            }
        }
        for (String k : zh.stringPropertyNames()) {
            String v = zh.getProperty(k);
            assertTrue("zh_CN text looks untranslated: " + k + "=" + v, !v.equals(en.getProperty(k))
                    || v.matches("[^A-Za-z]*") || k.startsWith("stats.month"));
        }
    }

    @Test
    public void uiBundlesHaveTheSameKeys() throws IOException {
        sameKeys(RoomsContribution.BASE_NAME);
    }

    @Test
    public void apiBundlesHaveTheSameKeysAndEveryEnumHasALabel() throws IOException {
        sameKeys(RoomsMsg.BUNDLE);
        Properties root = load(RoomsMsg.BUNDLE, "");
        for (Class<? extends Enum<?>> e : java.util.List.<Class<? extends Enum<?>>>of(Condition.class, ConformanceStatus.class,
                cn.gannan.hpf.rooms.api.RoomFunction.class, cn.gannan.hpf.rooms.api.StandardCategory.class,
                cn.gannan.hpf.rooms.api.Measure.class, cn.gannan.hpf.rooms.api.StandardStatus.class,
                cn.gannan.hpf.rooms.api.MovementKind.class, cn.gannan.hpf.rooms.api.InspectionKind.class,
                cn.gannan.hpf.rooms.api.RectificationStatus.class, cn.gannan.hpf.rooms.api.BookingStatus.class,
                cn.gannan.hpf.rooms.api.PhotoOwner.class)) {
            for (Enum<?> c : e.getEnumConstants()) {
                assertTrue(e.getSimpleName() + "." + c.name(), root.containsKey(e.getSimpleName() + "." + c.name()));
            }
        }
        assertEquals("损坏", RoomsMsg.label(Condition.BROKEN).format(Msg.ZH_CN));
        assertEquals("Broken", RoomsMsg.label(Condition.BROKEN).format(Locale.ENGLISH));
        // years and version numbers are not grouped ("2,026")
        assertEquals("Year 2026 is not between 2000 and 2100.".replace("Year", "The year"),
                RoomsMsg.of("error.stats.year", 2026).format(Locale.ENGLISH));
    }
}
