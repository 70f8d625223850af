package cn.gannan.hpf.rooms.api;

/** The bytes of a photo with its media type. */
public record PhotoData(String mediaType, String fileName, byte[] bytes) {
}
