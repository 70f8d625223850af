package cn.gannan.hpf.rooms.api;

/** What an editor fills in for a standard item; see {@link StandardItem}. */
public record StandardItemDraft(String code, StandardCategory category, String name, String specification,
        Measure measure, Integer requiredQuantity, Boolean mandatory, Integer sortOrder) {
}
