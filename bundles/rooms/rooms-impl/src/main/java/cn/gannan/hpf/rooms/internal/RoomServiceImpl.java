package cn.gannan.hpf.rooms.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.PersonService;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.api.Validator;
import cn.gannan.hpf.core.api.spi.Database;
import cn.gannan.hpf.core.api.spi.Rows;
import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.rooms.api.ConformanceReport;
import cn.gannan.hpf.rooms.api.InventoryItem;
import cn.gannan.hpf.rooms.api.Photo;
import cn.gannan.hpf.rooms.api.PhotoData;
import cn.gannan.hpf.rooms.api.PhotoOwner;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomDraft;
import cn.gannan.hpf.rooms.api.RoomFunction;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.RoomsMsg;
import cn.gannan.hpf.rooms.api.Standard;

/** Rooms (one per office), their photos in the database, the conformance check. */
@Component(service = RoomService.class, configurationPid = RoomsConfig.PID)
@Designate(ocd = RoomsConfig.class)
public class RoomServiceImpl implements RoomService {

    static final String ROOM_COLUMNS = "ID, OFFICE_CODE, NAME, FUNCTIONS, AREA_M2, SEATS, MANAGER_PERSON_ID, MANAGER_NAME,"
            + " MANAGER_PHONE, OPENING_HOURS, LOCATION, BOOKABLE, NOTE, " + Rows.META;
    private static final String PHOTO_COLUMNS = "ID, OFFICE_CODE, OWNER_TYPE, OWNER_ID, FILE_NAME, MEDIA_TYPE, SIZE_BYTES,"
            + " WIDTH, HEIGHT, CAPTION, " + Rows.META;
    /** Base64 characters per stored part (fits VARCHAR(32000) on Derby and PostgreSQL). */
    static final int PART_CHARS = 32000;

    private final Database db;
    private final OfficeService offices;
    private final PersonService people;
    private volatile int maxPhotoBytes;
    private volatile int maxPhotos;

    @Activate
    public RoomServiceImpl(@Reference Database db, @Reference OfficeService offices, @Reference PersonService people,
            @Reference RoomsSchema schema, RoomsConfig config) {
        this.db = db;
        this.offices = offices;
        this.people = people;
        modified(config);
    }

    /** A changed configuration applies at once, without restarting the component (and what depends on it). */
    @Modified
    void modified(RoomsConfig config) {
        if (config.maxPhotoBytes() < 1024 || config.maxPhotoBytes() > 10 * 1024 * 1024) {
            throw new IllegalArgumentException("maxPhotoBytes must be 1024 to 10485760: " + config.maxPhotoBytes());
        }
        if (config.maxPhotosPerOwner() < 1 || config.maxPhotosPerOwner() > 100) {
            throw new IllegalArgumentException("maxPhotosPerOwner must be 1 to 100: " + config.maxPhotosPerOwner());
        }
        this.maxPhotoBytes = config.maxPhotoBytes();
        this.maxPhotos = config.maxPhotosPerOwner();
    }

    @Override
    public Page<Room> rooms(Caller caller, String officeCode, String text, PageRequest page) {
        String office = caller.scopeOffice(officeCode);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (office != null) {
            where.append(" AND OFFICE_CODE = ?");
            params.add(office);
        }
        String t = Store.blankToNull(text);
        if (t != null) {
            where.append(" AND (LOWER(NAME) LIKE ? OR LOWER(MANAGER_NAME) LIKE ? OR LOWER(LOCATION) LIKE ?)");
            String like = "%" + t.toLowerCase() + "%";
            params.addAll(List.of(like, like, like));
        }
        return db.read(caller, tx -> Store.page(tx, "ROOMS_ROOM", "SELECT " + ROOM_COLUMNS + " FROM ROOMS_ROOM",
                where.toString(), "OFFICE_CODE", params, RoomServiceImpl::mapRoom, page));
    }

    @Override
    public Room room(Caller caller, String id) {
        Room r = db.read(caller, tx -> loadRoom(tx, id));
        caller.requireRead(r.officeCode());
        return r;
    }

    @Override
    public Optional<Room> roomOfOffice(Caller caller, String officeCode) {
        caller.requireRead(officeCode);
        return db.read(caller, tx -> roomOf(tx, officeCode));
    }

    @Override
    public Room create(Caller caller, RoomDraft draft) {
        caller.requireAnyRole(Store.MANAGERS);
        RoomDraft d = validate(caller, draft);
        caller.requireWrite(d.officeCode());
        return db.tx(caller, tx -> {
            Optional<Room> existing = roomOf(tx, d.officeCode());
            if (existing.isPresent()) {
                throw ValidationException.field("officeCode", RoomsMsg.of("error.room.onePerSite", existing.get().name()));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_ROOM (" + ROOM_COLUMNS + ", BOOKING_SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, 1, 0)", id, d.officeCode(), d.name(), functions(d.functions()), d.areaM2(), d.seats(),
                    d.managerPersonId(), d.managerName(), d.managerPhone(), d.openingHours(), d.location(),
                    Store.flag(d.bookable()), d.note(), caller.username(), tx.now(), caller.username(), tx.now());
            tx.audit(Store.MODULE, "room", id, d.officeCode(), AuditAction.CREATE, roomChanges(null, d));
            return loadRoom(tx, id);
        });
    }

    @Override
    public Room update(Caller caller, String id, long expectedVersion, RoomDraft draft) {
        caller.requireAnyRole(Store.MANAGERS);
        return db.tx(caller, tx -> {
            Room old = loadRoom(tx, id);
            caller.requireWrite(old.officeCode());
            RoomDraft d = validate(caller, new RoomDraft(old.officeCode(), draft.name(), draft.functions(), draft.areaM2(),
                    draft.seats(), draft.managerPersonId(), draft.managerName(), draft.managerPhone(), draft.openingHours(),
                    draft.location(), draft.bookable(), draft.note()));
            int rows = tx.update("UPDATE ROOMS_ROOM SET NAME = ?, FUNCTIONS = ?, AREA_M2 = ?, SEATS = ?, MANAGER_PERSON_ID = ?,"
                    + " MANAGER_NAME = ?, MANAGER_PHONE = ?, OPENING_HOURS = ?, LOCATION = ?, BOOKABLE = ?, NOTE = ?,"
                    + " UPDATED_BY = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", d.name(),
                    functions(d.functions()), d.areaM2(), d.seats(), d.managerPersonId(), d.managerName(), d.managerPhone(),
                    d.openingHours(), d.location(), Store.flag(d.bookable()), d.note(), caller.username(), tx.now(), id,
                    expectedVersion);
            Store.requireUpdated(tx, rows, "ROOMS_ROOM", id, "entity.room");
            tx.audit(Store.MODULE, "room", id, old.officeCode(), AuditAction.UPDATE, roomChanges(old, d));
            return loadRoom(tx, id);
        });
    }

    private RoomDraft validate(Caller caller, RoomDraft d) {
        Validator v = new Validator();
        String office = v.text("officeCode", d.officeCode(), 8, true);
        if (office != null) {
            v.check(offices.find(office).isPresent(), "officeCode", Msg.core("error.office.unknown", office));
        }
        String name = v.text("name", d.name(), 100, true);
        Set<RoomFunction> fn = d.functions() == null ? Set.of() : d.functions();
        BigDecimal area = d.areaM2();
        if (area != null) {
            v.check(area.signum() > 0 && area.compareTo(BigDecimal.valueOf(100000)) < 0 && area.scale() <= 2, "areaM2",
                    RoomsMsg.of("error.room.area", area.toPlainString()));
        }
        if (d.seats() != null) {
            v.check(d.seats() >= 0 && d.seats() <= 10000, "seats", RoomsMsg.of("error.room.seats", d.seats()));
        }
        String managerId = Store.blankToNull(d.managerPersonId());
        String managerName = v.text("managerName", d.managerName(), 50, false);
        String phone = v.text("managerPhone", d.managerPhone(), 20, false);
        if (phone != null) {
            v.check(phone.matches("[0-9 \\-]{7,20}"), "managerPhone", Msg.core("error.person.phone"));
        }
        String hours = v.text("openingHours", d.openingHours(), 200, false);
        String location = v.text("location", d.location(), 200, false);
        String note = v.text("note", d.note(), 1000, false);
        v.throwIfInvalid();
        if (managerId != null) {
            Person p = people.get(caller, managerId);
            if (!p.officeCode().equals(office)) {
                throw ValidationException.field("managerPersonId", RoomsMsg.of("error.room.managerOffice", p.name()));
            }
            if (managerName == null) {
                managerName = p.name();
            }
        }
        return new RoomDraft(office, name, EnumSet.copyOf(fn.isEmpty() ? EnumSet.noneOf(RoomFunction.class) : fn),
                area, d.seats(), managerId, managerName, phone, hours, location, d.bookable() == null || d.bookable(), note);
    }

    private static Map<String, Object[]> roomChanges(Room old, RoomDraft d) {
        Map<String, Object[]> c = Store.changes();
        Store.diff(c, "office", old == null ? null : old.officeCode(), d.officeCode());
        Store.diff(c, "name", old == null ? null : old.name(), d.name());
        Store.diff(c, "functions", old == null ? null : functions(old.functions()), functions(d.functions()));
        Store.diff(c, "areaM2", old == null || old.areaM2() == null ? null : old.areaM2().stripTrailingZeros().toPlainString(),
                d.areaM2() == null ? null : d.areaM2().stripTrailingZeros().toPlainString());
        Store.diff(c, "seats", old == null ? null : old.seats(), d.seats());
        Store.diff(c, "manager", old == null ? null : old.managerName(), d.managerName());
        Store.diff(c, "managerPhone", old == null ? null : old.managerPhone(), d.managerPhone());
        Store.diff(c, "openingHours", old == null ? null : old.openingHours(), d.openingHours());
        Store.diff(c, "location", old == null ? null : old.location(), d.location());
        Store.diff(c, "bookable", old == null ? null : old.bookable(), d.bookable());
        Store.diff(c, "note", old == null ? null : old.note(), d.note());
        return c;
    }

    // ---------------------------------------------------------------- photos

    @Override
    public List<Photo> photos(Caller caller, PhotoOwner ownerType, String ownerId) {
        String office = db.read(caller, tx -> ownerOffice(tx, ownerType, ownerId));
        caller.requireRead(office);
        return db.read(caller, tx -> tx.query("SELECT " + PHOTO_COLUMNS + " FROM ROOMS_PHOTO WHERE OWNER_TYPE = ? AND"
                + " OWNER_ID = ? ORDER BY CREATED_AT", RoomServiceImpl::mapPhoto, ownerType, ownerId));
    }

    @Override
    public Photo addPhoto(Caller caller, PhotoOwner ownerType, String ownerId, String fileName, String caption, byte[] bytes) {
        caller.requireAnyRole(Store.MANAGERS);
        Validator v = new Validator();
        v.required("ownerType", ownerType);
        String name = v.text("fileName", fileName, 200, true);
        String cap = v.text("caption", caption, 200, false);
        v.throwIfInvalid();
        if (bytes == null || bytes.length == 0) {
            throw ValidationException.field("file", RoomsMsg.of("error.photo.empty"));
        }
        if (bytes.length > maxPhotoBytes) {
            throw ValidationException.field("file", RoomsMsg.of("error.photo.tooLarge", kib(bytes.length), kib(maxPhotoBytes)));
        }
        ImageCheck.Image img = ImageCheck.inspect(bytes);
        if (img == null) {
            throw ValidationException.field("file", RoomsMsg.of("error.photo.notImage", name));
        }
        return db.tx(caller, tx -> {
            String office = ownerOffice(tx, ownerType, ownerId);
            caller.requireWrite(office);
            long n = tx.count("SELECT COUNT(*) FROM ROOMS_PHOTO WHERE OWNER_TYPE = ? AND OWNER_ID = ?", ownerType, ownerId);
            if (n >= maxPhotos) {
                throw ValidationException.field("file", RoomsMsg.of("error.photo.tooMany", maxPhotos));
            }
            String id = UUID.randomUUID().toString();
            tx.update("INSERT INTO ROOMS_PHOTO (" + PHOTO_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    id, office, ownerType, ownerId, name, img.mediaType(), bytes.length, img.width(), img.height(), cap,
                    caller.username(), tx.now(), caller.username(), tx.now());
            String b64 = Base64.getEncoder().encodeToString(bytes);
            for (int i = 0, part = 0; i < b64.length(); i += PART_CHARS, part++) {
                tx.update("INSERT INTO ROOMS_PHOTO_PART (PHOTO_ID, PART_NO, DATA) VALUES (?, ?, ?)", id, part,
                        b64.substring(i, Math.min(b64.length(), i + PART_CHARS)));
            }
            tx.audit(Store.MODULE, "photo", id, office, AuditAction.CREATE,
                    Map.of("owner", new Object[] {null, ownerType + " " + ownerId}, "file",
                            new Object[] {null, name + " (" + img.mediaType() + ", " + bytes.length + " B)"}));
            return tx.queryOne("SELECT " + PHOTO_COLUMNS + " FROM ROOMS_PHOTO WHERE ID = ?", RoomServiceImpl::mapPhoto, id)
                    .orElseThrow();
        });
    }

    private static String kib(int bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    @Override
    public PhotoData photoData(Caller caller, String photoId) {
        return db.read(caller, tx -> {
            Photo p = loadPhoto(tx, photoId);
            caller.requireRead(p.officeCode());
            String b64 = String.join("", tx.query("SELECT DATA FROM ROOMS_PHOTO_PART WHERE PHOTO_ID = ? ORDER BY PART_NO",
                    rs -> rs.getString(1), photoId));
            return new PhotoData(p.mediaType(), p.fileName(), Base64.getDecoder().decode(b64));
        });
    }

    @Override
    public void deletePhoto(Caller caller, String photoId, long expectedVersion) {
        caller.requireAnyRole(Store.MANAGERS);
        db.tx(caller, tx -> {
            Photo p = loadPhoto(tx, photoId);
            caller.requireWrite(p.officeCode());
            if (p.meta().version() != expectedVersion) {
                Store.requireUpdated(tx, 0, "ROOMS_PHOTO", photoId, "entity.photo");
            }
            tx.update("DELETE FROM ROOMS_PHOTO_PART WHERE PHOTO_ID = ?", photoId);
            tx.update("DELETE FROM ROOMS_PHOTO WHERE ID = ?", photoId);
            tx.audit(Store.MODULE, "photo", photoId, p.officeCode(), AuditAction.DELETE,
                    Map.of("file", new Object[] {p.fileName(), null}));
            return null;
        });
    }

    private static String ownerOffice(Tx tx, PhotoOwner type, String ownerId) throws SQLException {
        String table = type == PhotoOwner.ROOM ? "ROOMS_ROOM" : "ROOMS_INSPECTION";
        return tx.queryOne("SELECT OFFICE_CODE FROM " + table + " WHERE ID = ?", rs -> rs.getString(1), ownerId)
                .orElseThrow(() -> Store.notFound(type == PhotoOwner.ROOM ? "entity.room" : "entity.inspection", ownerId));
    }

    private static Photo loadPhoto(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + PHOTO_COLUMNS + " FROM ROOMS_PHOTO WHERE ID = ?", RoomServiceImpl::mapPhoto, id)
                .orElseThrow(() -> Store.notFound("entity.photo", id));
    }

    // ---------------------------------------------------------------- conformance

    @Override
    public ConformanceReport check(Caller caller, String officeCode) {
        caller.requireRead(officeCode);
        return db.read(caller, tx -> check(tx, officeCode));
    }

    @Override
    public List<ConformanceReport> compare(Caller caller) {
        List<String> codes = offices.offices().stream().map(Office::code).filter(caller::canRead)
                .collect(Collectors.toList());
        return db.read(caller, tx -> {
            List<ConformanceReport> out = new ArrayList<>();
            for (String c : codes) {
                out.add(check(tx, c));
            }
            return out;
        });
    }

    /** The office's conformance now, against the current standard. */
    static ConformanceReport check(Tx tx, String officeCode) throws SQLException {
        Standard std = StandardServiceImpl.loadCurrent(tx);
        Optional<Room> room = roomOf(tx, officeCode);
        List<InventoryItem> items = room.isPresent()
                ? tx.query("SELECT " + InventoryServiceImpl.ITEM_COLUMNS + " FROM ROOMS_ITEM WHERE ROOM_ID = ? AND WRITTEN_OFF = 0",
                        InventoryServiceImpl::mapItem, room.get().id())
                : List.of();
        return Conformance.check(officeCode, std, room.orElse(null), items, tx.now());
    }

    static Optional<Room> roomOf(Tx tx, String officeCode) throws SQLException {
        return tx.queryOne("SELECT " + ROOM_COLUMNS + " FROM ROOMS_ROOM WHERE OFFICE_CODE = ?", RoomServiceImpl::mapRoom,
                officeCode);
    }

    static Room loadRoom(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + ROOM_COLUMNS + " FROM ROOMS_ROOM WHERE ID = ?", RoomServiceImpl::mapRoom, id)
                .orElseThrow(() -> Store.notFound("entity.room", id));
    }

    static String functions(Set<RoomFunction> fn) {
        return fn == null ? "" : fn.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Room mapRoom(ResultSet rs) throws SQLException {
        String fs = rs.getString("FUNCTIONS");
        Set<RoomFunction> fn = EnumSet.noneOf(RoomFunction.class);
        if (fs != null && !fs.isBlank()) {
            Arrays.stream(fs.split(",")).map(String::trim).map(RoomFunction::valueOf).forEach(fn::add);
        }
        int seats = rs.getInt("SEATS");
        Integer seatsOrNull = rs.wasNull() ? null : seats;
        return new Room(rs.getString("ID"), rs.getString("OFFICE_CODE"), rs.getString("NAME"), fn, rs.getBigDecimal("AREA_M2"),
                seatsOrNull, rs.getString("MANAGER_PERSON_ID"), rs.getString("MANAGER_NAME"), rs.getString("MANAGER_PHONE"),
                rs.getString("OPENING_HOURS"), rs.getString("LOCATION"), rs.getInt("BOOKABLE") != 0, rs.getString("NOTE"),
                Rows.meta(rs));
    }

    static Photo mapPhoto(ResultSet rs) throws SQLException {
        return new Photo(rs.getString("ID"), rs.getString("OFFICE_CODE"), Rows.enumValue(rs, "OWNER_TYPE", PhotoOwner.class),
                rs.getString("OWNER_ID"), rs.getString("FILE_NAME"), rs.getString("MEDIA_TYPE"), rs.getInt("SIZE_BYTES"),
                rs.getInt("WIDTH"), rs.getInt("HEIGHT"), rs.getString("CAPTION"), Rows.meta(rs));
    }
}
