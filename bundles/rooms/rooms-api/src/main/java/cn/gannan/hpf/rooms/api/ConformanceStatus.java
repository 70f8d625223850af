package cn.gannan.hpf.rooms.api;

/**
 * Result of checking one standard item: satisfied; short (fewer than required, with the numbers);
 * non-conformant (present but unusable or not to the specification); missing.
 */
public enum ConformanceStatus {
    SATISFIED, SHORT, NON_CONFORMANT, MISSING
}
