package cn.gannan.hpf.rooms.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;

/** A room's inventory; changes of location, condition and quantity are movements, never overwrites. */
@ProviderType
public interface InventoryService {

    Page<InventoryItem> find(Caller caller, InventoryQuery query, PageRequest page);

    InventoryItem item(Caller caller, String id);

    /** Adds an item (movement ADDED); the asset number is unique in the office. */
    InventoryItem add(Caller caller, String roomId, InventoryDraft draft);

    /** Corrects the descriptive fields (audited). */
    InventoryItem updateDetails(Caller caller, String id, long expectedVersion, InventoryDetails details);

    InventoryItem move(Caller caller, String id, long expectedVersion, String newLocation, String note);

    InventoryItem changeCondition(Caller caller, String id, long expectedVersion, Condition condition, String note);

    InventoryItem changeQuantity(Caller caller, String id, long expectedVersion, int quantity, String note);

    /** Writes the item off (kept, no longer counted); a reason is required. */
    InventoryItem writeOff(Caller caller, String id, long expectedVersion, String reason);

    /** The item's history, oldest first. */
    List<Movement> movements(Caller caller, String itemId);
}
