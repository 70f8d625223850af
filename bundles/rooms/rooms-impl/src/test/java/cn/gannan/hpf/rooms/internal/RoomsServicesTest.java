package cn.gannan.hpf.rooms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.StaleRecordException;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.rooms.api.Condition;
import cn.gannan.hpf.rooms.api.ConformanceLine;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.ConformanceStatus;
import cn.gannan.hpf.rooms.api.Inspection;
import cn.gannan.hpf.rooms.api.InspectionDraft;
import cn.gannan.hpf.rooms.api.InspectionKind;
import cn.gannan.hpf.rooms.api.InventoryDetails;
import cn.gannan.hpf.rooms.api.InventoryDraft;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.InventoryQuery;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.Movement;
import cn.gannan.hpf.rooms.api.MovementKind;
import cn.gannan.hpf.rooms.api.Photo;
import cn.gannan.hpf.rooms.api.PhotoOwner;
import cn.gannan.hpf.rooms.api.Rectification;
import cn.gannan.hpf.rooms.api.RectificationDraft;
import cn.gannan.hpf.rooms.api.RectificationStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomDraft;
import cn.gannan.hpf.rooms.api.RoomFunction;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardCategory;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardItemDraft;
import cn.gannan.hpf.rooms.api.StandardStatus;

/** Standard, rooms, photos, inventory, conformance and inspections over a real (in-memory) Derby database. */
public class RoomsServicesTest {

    static final Caller CENTRAL = RoomsNode.caller("GN00", Role.CENTRAL_ADMIN);
    static final Caller AUDITOR = RoomsNode.caller("GN00", Role.AUDITOR);
    static final Caller ADMIN1 = RoomsNode.caller("GN01", Role.OFFICE_ADMIN);
    static final Caller STAFF1 = RoomsNode.caller("GN01", Role.STAFF);
    static final Caller ADMIN2 = RoomsNode.caller("GN02", Role.OFFICE_ADMIN);

    RoomsNode n;

    @Before
    public void node() {
        n = new RoomsNode(4096, 2);
    }

    static RoomDraft draft(String office, String area) {
        return new RoomDraft(office, "党员活动室", EnumSet.allOf(RoomFunction.class), area == null ? null : new BigDecimal(area),
                30, null, "王建国", "0941-8212345", "工作日 8:30-18:00", "办公楼三楼", true, null);
    }

    // ---------------------------------------------------------------- the standard

    @Test
    public void defaultStandardIsPublishedOnceAtFirstStart() {
        Standard s = n.standards.current(STAFF1);
        assertEquals(1, s.versionNo());
        assertEquals(StandardStatus.PUBLISHED, s.status());
        assertEquals(19, s.items().size());
        assertEquals(1, n.auditLines("standard"));
        new RoomsSchema(n.db, new cn.gannan.hpf.core.internal.db.MigrationsImpl(n.db), n.offices); // a restart
        assertEquals(1, n.standards.versions(STAFF1).size());
    }

    @Test
    public void onlyCentralAdminsEditDraftsThenPublishSupersedes() {
        for (Caller c : List.of(ADMIN1, STAFF1, AUDITOR)) {
            try {
                n.standards.createDraft(c, "2027 版", null);
                fail(c + " created a draft");
            } catch (AccessDeniedException expected) {
                // refused
            }
        }
        Standard draft = n.standards.createDraft(CENTRAL, "2027 版", "增加电子屏");
        assertEquals(2, draft.versionNo());
        assertEquals(StandardStatus.DRAFT, draft.status());
        assertEquals(19, draft.items().size());
        assertThrows(ValidationException.class, () -> n.standards.createDraft(CENTRAL, "又一版", null));
        try {
            n.standards.addItem(CENTRAL, draft.id(), new StandardItemDraft("FLAG", StandardCategory.PARTY_FLAG, "党旗", null,
                    Measure.QUANTITY, 1, true, 1));
            fail("duplicate code");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("code"));
        }
        try {
            n.standards.addItem(CENTRAL, draft.id(), new StandardItemDraft("bad code", null, "", null, Measure.QUANTITY, 0,
                    true, 1));
            fail("bad item");
        } catch (ValidationException e) {
            assertEquals(e.fieldErrors().keySet().toString(), Set.of("code", "category", "name", "requiredQuantity"),
                    e.fieldErrors().keySet());
        }
        StandardItem screen = n.standards.addItem(CENTRAL, draft.id(), new StandardItemDraft("SCREEN", StandardCategory.EQUIPMENT,
                "电子显示屏", "不小于 55 英寸", Measure.QUANTITY, 1, false, 200));
        StandardItem upd = n.standards.updateItem(CENTRAL, screen.id(), screen.meta().version(), new StandardItemDraft("SCREEN",
                StandardCategory.EQUIPMENT, "电子显示屏", "不小于 65 英寸", Measure.QUANTITY, 1, true, 200));
        assertThrows(StaleRecordException.class, () -> n.standards.updateItem(CENTRAL, screen.id(), screen.meta().version(),
                new StandardItemDraft("SCREEN", StandardCategory.EQUIPMENT, "x", null, Measure.QUANTITY, 1, true, 200)));
        assertEquals("不小于 65 英寸", upd.specification());
        // the current standard is unchanged until the draft is published
        assertEquals(1, n.standards.current(STAFF1).versionNo());
        Standard d2 = n.standards.get(CENTRAL, draft.id());
        Standard published = n.standards.publish(CENTRAL, d2.id(), d2.meta().version());
        assertEquals(StandardStatus.PUBLISHED, published.status());
        assertEquals(2, n.standards.current(STAFF1).versionNo());
        assertEquals(20, n.standards.current(STAFF1).items().size());
        List<Standard> versions = n.standards.versions(STAFF1);
        assertEquals(StandardStatus.SUPERSEDED, versions.get(1).status());
        // published versions are frozen
        assertThrows(ValidationException.class, () -> n.standards.removeItem(CENTRAL, upd.id(), upd.meta().version()));
    }

    @Test
    public void standardTravelsAsAFileToACountyNode() {
        Standard draft = n.standards.createDraft(CENTRAL, "2027 版", null);
        Standard published = n.standards.publish(CENTRAL, draft.id(), draft.meta().version());
        byte[] file = n.standards.exportFile(STAFF1, published.id());

        RoomsNode county = new RoomsNode();
        Caller countyAdmin = RoomsNode.caller("GN03", Role.OFFICE_ADMIN);
        assertThrows(AccessDeniedException.class, () -> county.standards.importFile(RoomsNode.caller("GN03", Role.STAFF), file));
        Standard imported = county.standards.importFile(countyAdmin, file);
        assertEquals(2, imported.versionNo());
        assertEquals(published.items().size(), imported.items().size());
        assertEquals(2, county.standards.current(countyAdmin).versionNo());
        // importing the same version again changes nothing
        long before = county.count("ROOMS_STANDARD");
        try {
            county.standards.importFile(countyAdmin, file);
            fail("re-import accepted");
        } catch (ValidationException e) {
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE), e.localized(Locale.SIMPLIFIED_CHINESE).contains("第 2 版"));
        }
        assertEquals(before, county.count("ROOMS_STANDARD"));
        // a damaged file writes nothing either
        byte[] damaged = Arrays.copyOf(file, file.length);
        damaged[0] = 'X';
        assertThrows(ValidationException.class, () -> county.standards.importFile(countyAdmin, damaged));
        assertEquals(before, county.count("ROOMS_STANDARD"));
    }

    // ---------------------------------------------------------------- rooms

    @Test
    public void oneRoomPerSiteOfficeScopedRolesAuditedAndOptimisticallyLocked() {
        assertThrows(AccessDeniedException.class, () -> n.rooms.create(STAFF1, draft("GN01", "40")));
        assertThrows(AccessDeniedException.class, () -> n.rooms.create(ADMIN2, draft("GN01", "40")));
        assertThrows(AccessDeniedException.class, () -> n.rooms.create(AUDITOR, draft("GN01", "40")));
        Room r = n.rooms.create(ADMIN1, draft("GN01", "40"));
        assertEquals(EnumSet.allOf(RoomFunction.class), r.functions());
        assertEquals(0, new BigDecimal("40").compareTo(r.areaM2()));
        try {
            n.rooms.create(CENTRAL, draft("GN01", "50"));
            fail("second room");
        } catch (ValidationException e) {
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("党员活动室"));
        }
        try {
            n.rooms.create(ADMIN2, new RoomDraft("GN02", "", null, new BigDecimal("-1"), -3, null, null, "12", null, null,
                    null, null));
            fail("bad room");
        } catch (ValidationException e) {
            assertEquals(Set.of("name", "areaM2", "seats", "managerPhone"), e.fieldErrors().keySet());
        }
        assertEquals(1, n.count("ROOMS_ROOM"));
        Room u = n.rooms.update(ADMIN1, r.id(), r.meta().version(), draft("GN01", "42.5"));
        assertEquals(2, u.meta().version());
        assertThrows(StaleRecordException.class, () -> n.rooms.update(ADMIN1, r.id(), r.meta().version(), draft("GN01", "1")));
        assertEquals(2, n.auditLines("room"));
        assertThrows(AccessDeniedException.class, () -> n.rooms.room(ADMIN2, r.id()));
        assertEquals(1, n.rooms.rooms(AUDITOR, null, "三楼", new PageRequest(0, 10)).total());
        assertEquals(0, n.rooms.rooms(ADMIN2, null, null, new PageRequest(0, 10)).total());
    }

    @Test
    public void photosAreImagesByContentWithinSizeAndCount() throws Exception {
        Room r = n.rooms.create(ADMIN1, draft("GN01", "40"));
        byte[] png = ImageCheckTest.image("png", 20, 10);
        Photo p = n.rooms.addPhoto(ADMIN1, PhotoOwner.ROOM, r.id(), "正面.jpg", "正面", png);
        assertEquals("image/png", p.mediaType()); // from the content, not the name
        assertEquals(20, p.width());
        assertTrue(Arrays.equals(png, n.rooms.photoData(STAFF1, p.id()).bytes()));
        try {
            n.rooms.addPhoto(ADMIN1, PhotoOwner.ROOM, r.id(), "照片.png", null,
                    "this is a text file renamed to png".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            fail("text accepted as a photo");
        } catch (ValidationException e) {
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("照片.png"));
        }
        // exactly the limit passes, one byte more is refused (trailing bytes after the PNG end are ignored by readers)
        byte[] atLimit = Arrays.copyOf(png, 4096);
        assertNotNull(n.rooms.addPhoto(ADMIN1, PhotoOwner.ROOM, r.id(), "a.png", null, atLimit));
        assertThrows(ValidationException.class, () -> n.rooms.addPhoto(ADMIN1, PhotoOwner.ROOM, r.id(), "b.png", null,
                Arrays.copyOf(png, 4097)));
        // at most 2 per owner in this node's configuration
        assertThrows(ValidationException.class, () -> n.rooms.addPhoto(ADMIN1, PhotoOwner.ROOM, r.id(), "c.png", null, png));
        assertEquals(2, n.rooms.photos(STAFF1, PhotoOwner.ROOM, r.id()).size());
        assertThrows(AccessDeniedException.class, () -> n.rooms.deletePhoto(STAFF1, p.id(), p.meta().version()));
        n.rooms.deletePhoto(ADMIN1, p.id(), p.meta().version());
        assertEquals(1, n.rooms.photos(STAFF1, PhotoOwner.ROOM, r.id()).size());
        assertEquals(1, n.count("ROOMS_PHOTO_PART"));
    }

    @Test
    public void bigPhotoIsStoredInPartsAndReadBackIntact() throws Exception {
        RoomsNode big = new RoomsNode(1024 * 1024, 12);
        Room r = big.rooms.create(ADMIN1, draft("GN01", "40"));
        byte[] png = Arrays.copyOf(ImageCheckTest.image("png", 20, 10), 100_000);
        Photo p = big.rooms.addPhoto(ADMIN1, PhotoOwner.ROOM, r.id(), "大.png", null, png);
        assertTrue(big.count("ROOMS_PHOTO_PART") > 4);
        assertTrue(Arrays.equals(png, big.rooms.photoData(STAFF1, p.id()).bytes()));
    }

    // ---------------------------------------------------------------- inventory and conformance

    @Test
    public void inventoryChangesAreMovementsAndConformanceFollowsItemByItem() {
        Room r = n.rooms.create(ADMIN1, draft("GN01", "20"));
        ConformanceReport before = n.rooms.check(STAFF1, "GN01");
        assertEquals(ConformanceStatus.SATISFIED, line(before, "AREA").status()); // exactly 20 m²
        assertEquals(ConformanceStatus.MISSING, line(before, "RULES").status());

        InventoryItem rules = n.inventory.add(ADMIN1, r.id(), new InventoryDraft("GN01-ZD-001", "RULES", "制度牌", 3,
                Condition.GOOD, "东墙", "王建国", LocalDate.of(2025, 3, 1), true));
        ConformanceLine shortLine = line(n.rooms.check(STAFF1, "GN01"), "RULES");
        assertEquals(ConformanceStatus.SHORT, shortLine.status());
        assertEquals(3.0, shortLine.actual(), 0);
        assertEquals(4.0, shortLine.required(), 0);

        InventoryItem moved = n.inventory.move(ADMIN1, rules.id(), rules.meta().version(), "北墙", "重新布置");
        assertEquals("北墙", moved.location());
        assertThrows(ValidationException.class, () -> n.inventory.move(ADMIN1, rules.id(), moved.meta().version(), "北墙", null));
        assertThrows(StaleRecordException.class, () -> n.inventory.move(ADMIN1, rules.id(), rules.meta().version(), "西墙", null));
        InventoryItem four = n.inventory.changeQuantity(ADMIN1, rules.id(), moved.meta().version(), 4, "补充一块");
        assertEquals(ConformanceStatus.SATISFIED, line(n.rooms.check(STAFF1, "GN01"), "RULES").status());
        InventoryItem broken = n.inventory.changeCondition(ADMIN1, rules.id(), four.meta().version(), Condition.BROKEN, "受潮");
        assertEquals(ConformanceStatus.NON_CONFORMANT, line(n.rooms.check(STAFF1, "GN01"), "RULES").status());
        assertThrows(ValidationException.class, () -> n.inventory.writeOff(ADMIN1, rules.id(), broken.meta().version(), " "));
        InventoryItem off = n.inventory.writeOff(ADMIN1, rules.id(), broken.meta().version(), "损坏无法修复");
        assertTrue(off.writtenOff());
        assertEquals(ConformanceStatus.MISSING, line(n.rooms.check(STAFF1, "GN01"), "RULES").status());
        assertThrows(ValidationException.class, () -> n.inventory.move(ADMIN1, rules.id(), off.meta().version(), "库房", null));

        List<Movement> history = n.inventory.movements(STAFF1, rules.id());
        assertEquals(List.of(MovementKind.ADDED, MovementKind.MOVED, MovementKind.QUANTITY_CHANGED,
                MovementKind.CONDITION_CHANGED, MovementKind.WRITTEN_OFF), history.stream().map(Movement::kind).toList());
        assertEquals("东墙", history.get(1).fromValue());
        assertEquals("北墙", history.get(1).toValue());
        assertEquals(5, n.auditLines("item"));

        // written-off items are hidden unless asked for
        assertEquals(0, n.inventory.find(STAFF1, InventoryQuery.ofRoom(r.id()), new PageRequest(0, 10)).total());
        assertEquals(1, n.inventory.find(STAFF1, new InventoryQuery(null, r.id(), null, null, null, true),
                new PageRequest(0, 10)).total());
        // asset numbers are unique per office; codes must exist in the standard
        assertThrows(ValidationException.class, () -> n.inventory.add(ADMIN1, r.id(), new InventoryDraft("GN01-ZD-001",
                null, "x", 1, null, null, null, null, null)));
        try {
            n.inventory.add(ADMIN1, r.id(), new InventoryDraft("GN01-X-1", "NOPE", "x", 0, null, null, null, null, null));
            fail("bad item");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("quantity"));
        }
        assertThrows(ValidationException.class, () -> n.inventory.add(ADMIN1, r.id(), new InventoryDraft("GN01-X-1", "NOPE",
                "x", 1, null, null, null, null, null)));
        assertThrows(AccessDeniedException.class, () -> n.inventory.add(STAFF1, r.id(), new InventoryDraft("GN01-X-2", null,
                "x", 1, null, null, null, null, null)));
        InventoryItem flag = n.inventory.add(ADMIN1, r.id(), new InventoryDraft("GN01-QZ-1", "FLAG", "党旗", 1, null, "主墙",
                null, null, false));
        assertEquals(ConformanceStatus.NON_CONFORMANT, line(n.rooms.check(STAFF1, "GN01"), "FLAG").status());
        n.inventory.updateDetails(ADMIN1, flag.id(), flag.meta().version(), new InventoryDetails("GN01-QZ-1", "FLAG",
                "党旗（144×96）", null, null, true));
        assertEquals(ConformanceStatus.SATISFIED, line(n.rooms.check(STAFF1, "GN01"), "FLAG").status());
    }

    @Test
    public void centralRolesCompareAllNineSitesOfficeUsersSeeTheirOwn() {
        n.rooms.create(ADMIN1, draft("GN01", "40"));
        List<ConformanceReport> all = n.rooms.compare(AUDITOR);
        assertEquals(9, all.size());
        assertEquals("GN00", all.get(0).officeCode());
        assertEquals(null, all.get(0).roomId());
        assertEquals(0, all.get(0).mandatorySatisfied());
        assertTrue(all.get(1).mandatorySatisfied() >= 3); // area, functions, manager
        assertEquals(1, n.rooms.compare(STAFF1).size());
        assertThrows(AccessDeniedException.class, () -> n.rooms.check(STAFF1, "GN02"));
    }

    static ConformanceLine line(ConformanceReport r, String code) {
        return r.lines().stream().filter(l -> l.itemCode().equals(code)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- inspections

    @Test
    public void inspectionsSnapshotConformanceAndRectificationsCloseOneByOne() {
        Room r = n.rooms.create(ADMIN1, draft("GN01", "40"));
        LocalDate today = LocalDate.now();
        assertThrows(AccessDeniedException.class, () -> n.inspections.create(STAFF1, new InspectionDraft(r.id(), today,
                "州中心检查组", InspectionKind.CONCENTRATED, null)));
        try {
            n.inspections.create(CENTRAL, new InspectionDraft(r.id(), today.plusDays(1), " ", null, null));
            fail("bad inspection");
        } catch (ValidationException e) {
            assertEquals(Set.of("inspectedOn", "inspector", "kind"), e.fieldErrors().keySet());
        }
        Inspection insp = n.inspections.create(CENTRAL, new InspectionDraft(r.id(), today.minusDays(10), "州中心检查组",
                InspectionKind.UNANNOUNCED, "制度牌缺失，党旗规格不符"));
        assertEquals(1, insp.standardVersion());
        assertTrue(insp.mandatoryTotal() > insp.mandatorySatisfied());
        assertThrows(ValidationException.class, () -> n.inspections.addRectification(CENTRAL, insp.id(),
                new RectificationDraft("补齐制度牌", "王建国", today.minusDays(11))));
        Rectification a = n.inspections.addRectification(CENTRAL, insp.id(), new RectificationDraft("补齐制度牌", "王建国",
                today.minusDays(10))); // due on the inspection day itself is allowed
        Rectification b = n.inspections.addRectification(CENTRAL, insp.id(), new RectificationDraft("更换标准党旗", "李海燕",
                today.plusDays(20)));
        assertEquals(2, n.inspections.get(STAFF1, insp.id()).openItems());
        assertTrue(a.overdueOn(today));
        assertFalse(b.overdueOn(today));
        assertThrows(ValidationException.class, () -> n.inspections.close(ADMIN1, a.id(), a.meta().version(), today, " "));
        assertThrows(ValidationException.class, () -> n.inspections.close(ADMIN1, a.id(), a.meta().version(),
                today.minusDays(11), "已补齐"));
        assertThrows(ValidationException.class, () -> n.inspections.close(ADMIN1, a.id(), a.meta().version(),
                today.plusDays(1), "已补齐"));
        assertThrows(AccessDeniedException.class, () -> n.inspections.close(ADMIN2, a.id(), a.meta().version(), today, "x"));
        Rectification closed = n.inspections.close(ADMIN1, a.id(), a.meta().version(), today, "已补齐 4 块制度牌");
        assertEquals(RectificationStatus.CLOSED, closed.status());
        assertThrows(ValidationException.class, () -> n.inspections.close(ADMIN1, a.id(), closed.meta().version(), today, "再次"));
        assertEquals(1, n.inspections.get(STAFF1, insp.id()).openItems());
        assertEquals(List.of(b.id()), n.inspections.openRectifications(AUDITOR, null).stream().map(Rectification::id).toList());
        assertEquals(0, n.inspections.openRectifications(ADMIN2, null).size());
        assertEquals(1, n.inspections.find(STAFF1, new cn.gannan.hpf.rooms.api.InspectionQuery(null, today.minusDays(10).getYear(),
                null, "党旗", true), new PageRequest(0, 10)).total());
    }

    static void assertThrows(Class<? extends HpfException> type, Runnable r) {
        try {
            r.run();
            fail("expected " + type.getSimpleName());
        } catch (HpfException e) {
            if (!type.isInstance(e)) {
                throw new AssertionError("expected " + type.getSimpleName() + " but got " + e, e);
            }
        }
    }
}
