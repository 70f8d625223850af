package cn.gannan.hpf.core.api;

/** Offset and limit of a page; the limit is capped at {@link #MAX_LIMIT}. */
public record PageRequest(int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            offset = 0;
        }
        if (limit <= 0) {
            limit = 50;
        }
        if (limit > MAX_LIMIT) {
            limit = MAX_LIMIT;
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }
}
