package cn.gannan.hpf.rooms.api;

/** Filters of the inspection list; null means any. {@code openOnly}: with open rectification items. */
public record InspectionQuery(String officeCode, Integer year, InspectionKind kind, String text, boolean openOnly) {
}
