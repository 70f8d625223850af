package cn.gannan.hpf.rooms.api;

import cn.gannan.hpf.core.api.RecordMeta;

/**
 * A photo stored in the database (of a room or of an inspection). The media type is the one found
 * in the content, not the one the uploader claimed.
 */
public record Photo(String id, String officeCode, PhotoOwner ownerType, String ownerId, String fileName,
        String mediaType, int sizeBytes, int width, int height, String caption, RecordMeta meta) {
}
