package cn.gannan.hpf.rooms.api;

import java.time.Instant;
import java.util.List;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * One version of the unified standard of the combined room. The centre edits drafts and
 * publishes them; the latest published version is the current one, against which every site is
 * checked.
 *
 * @param versionNo the centre's version number, 1, 2, …; kept when the standard travels as a file
 */
public record Standard(String id, int versionNo, String title, StandardStatus status, Instant publishedAt,
        String publishedBy, String note, List<StandardItem> items, RecordMeta meta) {
}
