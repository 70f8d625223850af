package cn.gannan.hpf.rooms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.Test;

import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardItemDraft;
import cn.gannan.hpf.rooms.api.StandardStatus;

public class StandardFileTest {

    @Test
    public void defaultStandardFromTheRulesParses() {
        StandardFile.Parsed p = StandardFile.read(RoomsSchema.defaultStandard());
        assertEquals(1, p.versionNo());
        assertEquals(19, p.items().size());
        StandardItemDraft area = p.items().get(0);
        assertEquals("AREA", area.code());
        assertEquals(Measure.ROOM_AREA, area.measure());
        assertEquals(Integer.valueOf(20), area.requiredQuantity());
        StandardItemDraft flag = p.items().stream().filter(i -> i.code().equals("FLAG")).findFirst().orElseThrow();
        assertTrue(flag.specification(), flag.specification().contains("144×96"));
        for (StandardItemDraft d : p.items()) {
            StandardServiceImpl.validateItem(d); // every shipped item passes the editor's rules
        }
    }

    @Test
    public void writeThenReadGivesTheSameStandard() {
        StandardFile.Parsed p = StandardFile.read(RoomsSchema.defaultStandard());
        List<StandardItem> items = new ArrayList<>();
        for (StandardItemDraft d : p.items()) {
            items.add(new StandardItem(d.code(), d.code(), d.category(), d.name(), d.specification(), d.measure(),
                    d.requiredQuantity(), d.mandatory(), d.sortOrder(), null));
        }
        Standard s = new Standard("x", 7, "标题\t带制表符", StandardStatus.PUBLISHED, null, null, "说明", items, null);
        StandardFile.Parsed back = StandardFile.read(StandardFile.write(s));
        assertEquals(7, back.versionNo());
        assertEquals("标题 带制表符", back.title());
        assertEquals(p.items(), back.items());
    }

    @Test
    public void badFilesAreRefusedWithEveryBadLineNumbered() {
        assertRefused("".getBytes(StandardCharsets.UTF_8), "empty");
        assertRefused("hello\nversion\t1".getBytes(StandardCharsets.UTF_8), "first line");
        assertRefused(new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28}, "UTF-8");
        String bad = StandardFile.MAGIC + "\nversion\tzwei\ntitle\tT\nitem\tA\tSIGN\tQUANTITY\t1\tY\t1\t门牌\t\n"
                + "item\tA\tSIGN\tQUANTITY\t1\tY\t2\t门牌\t\nitem\tB\tNOPE\tQUANTITY\t1\tY\t3\tx\t\nfoo\tbar\n";
        try {
            StandardFile.read(bad.getBytes(StandardCharsets.UTF_8));
            fail("accepted");
        } catch (ValidationException e) {
            assertEquals(e.fieldErrors().keySet().toString(), 4, e.fieldErrors().size());
            assertTrue(e.fieldErrors().containsKey("line 2")); // version
            assertTrue(e.fieldErrors().containsKey("line 5")); // duplicate code A
            assertTrue(e.fieldErrors().containsKey("line 6")); // unknown category
            assertTrue(e.fieldErrors().containsKey("line 7")); // unknown line
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE), e.localized(Locale.SIMPLIFIED_CHINESE).contains("4 处错误"));
        }
        assertRefused((StandardFile.MAGIC + "\ntitle\tT\nitem\tA\tSIGN\tQUANTITY\t1\tY\t1\tx\t\n").getBytes(StandardCharsets.UTF_8),
                "version");
        assertRefused((StandardFile.MAGIC + "\nversion\t2\ntitle\tT\n").getBytes(StandardCharsets.UTF_8), "no items");
    }

    private static void assertRefused(byte[] file, String what) {
        try {
            StandardFile.read(file);
            fail("accepted a file with " + what);
        } catch (ValidationException expected) {
            // refused
        }
    }
}
