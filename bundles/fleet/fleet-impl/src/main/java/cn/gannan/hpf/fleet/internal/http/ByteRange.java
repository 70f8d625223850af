package cn.gannan.hpf.fleet.internal.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-} or
 * {@code bytes=-n}. Several ranges, other units and malformed headers are ignored (the whole file is sent), as
 * the RFC allows; a range starting beyond the end is unsatisfiable (416).
 *
 * @param start first byte, inclusive
 * @param end   last byte, inclusive
 */
public record ByteRange(long start, long end) {

    private static final Pattern ONE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** Thrown for a range that starts at or beyond the end of the file. */
    public static final class Unsatisfiable extends Exception {
        private static final long serialVersionUID = 1L;

        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    public long length() {
        return end - start + 1;
    }

    /**
     * @return the range to send, or empty for the whole file
     * @throws Unsatisfiable when no byte of the file is in the range
     */
    public static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = ONE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // the last n bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        if (start >= size) {
            throw new Unsatisfiable();
        }
        if (end < start) {
            return Optional.empty(); // invalid: ignored
        }
        return Optional.of(new ByteRange(start, Math.min(end, size - 1)));
    }
}
