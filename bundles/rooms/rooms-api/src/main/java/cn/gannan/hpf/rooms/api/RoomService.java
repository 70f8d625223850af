package cn.gannan.hpf.rooms.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;

/** Sites' rooms, their photos, and the conformance check against the current standard. */
@ProviderType
public interface RoomService {

    /** Rooms of one office or the caller's scope; text matches name, manager or location. */
    Page<Room> rooms(Caller caller, String officeCode, String text, PageRequest page);

    Room room(Caller caller, String id);

    /** The office's room, if it has one. */
    Optional<Room> roomOfOffice(Caller caller, String officeCode);

    /** Creates the office's room; an office has one combined room (a second one is refused). */
    Room create(Caller caller, RoomDraft draft);

    Room update(Caller caller, String id, long expectedVersion, RoomDraft draft);

    List<Photo> photos(Caller caller, PhotoOwner ownerType, String ownerId);

    /**
     * Stores a photo; only JPEG, PNG, GIF or WebP content (checked in the bytes, whatever the name),
     * up to the configured size and number per owner.
     */
    Photo addPhoto(Caller caller, PhotoOwner ownerType, String ownerId, String fileName, String caption, byte[] bytes);

    PhotoData photoData(Caller caller, String photoId);

    void deletePhoto(Caller caller, String photoId, long expectedVersion);

    /** The office's room checked against the current standard, item by item. */
    ConformanceReport check(Caller caller, String officeCode);

    /** Every office the caller may read checked side by side (all nine for central roles). */
    List<ConformanceReport> compare(Caller caller);
}
