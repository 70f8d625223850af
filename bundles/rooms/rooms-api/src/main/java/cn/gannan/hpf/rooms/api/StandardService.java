package cn.gannan.hpf.rooms.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;

/**
 * The unified standard as versioned data. Everyone reads it; central admins edit drafts and
 * publish them; an office admin (or central admin) imports a standard file published by the centre.
 */
@ProviderType
public interface StandardService {

    /** The current (latest published) standard; the default one shipped with the module at first. */
    Standard current(Caller caller);

    Standard get(Caller caller, String id);

    /** All versions, newest first (items not loaded: empty lists). */
    List<Standard> versions(Caller caller);

    /** A new draft, a copy of the current standard's items, numbered after the highest version. */
    Standard createDraft(Caller caller, String title, String note);

    /** Deletes a draft that was never published. */
    void discardDraft(Caller caller, String standardId, long expectedVersion);

    StandardItem addItem(Caller caller, String standardId, StandardItemDraft draft);

    StandardItem updateItem(Caller caller, String itemId, long expectedVersion, StandardItemDraft draft);

    void removeItem(Caller caller, String itemId, long expectedVersion);

    /** Publishes a draft: it becomes current, the previous one is superseded. */
    Standard publish(Caller caller, String standardId, long expectedVersion);

    /** The standard as a UTF-8 text file (format {@code hpf-rooms-standard 1}), to carry to county nodes. */
    byte[] exportFile(Caller caller, String standardId);

    /**
     * Reads a standard file and publishes it as received, keeping the centre's version number; a
     * version not newer than the current one is refused. Nothing is written when the file is bad.
     */
    Standard importFile(Caller caller, byte[] file);
}
