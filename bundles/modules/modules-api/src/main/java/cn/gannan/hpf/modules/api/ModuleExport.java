package cn.gannan.hpf.modules.api;

/**
 * A module's data as a file the admin keeps: a zip with one CSV file per table (UTF-8, header row).
 *
 * @param fileName e.g. {@code hpf-sample-GN01-20260101-120000.zip}
 */
public record ModuleExport(String moduleId, String fileName, byte[] zip, int tables, long rows) {
}
