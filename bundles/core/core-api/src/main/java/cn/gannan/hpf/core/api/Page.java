package cn.gannan.hpf.core.api;

import java.util.List;

/** One page of a longer list, with the total count of matches. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
}
