package cn.gannan.hpf.fleet.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Optional;

import org.junit.Test;

public class ByteRangeTest {

    private static Optional<ByteRange> r(String h, long size) throws ByteRange.Unsatisfiable {
        return ByteRange.parse(h, size);
    }

    @Test
    public void readsTheThreeFormsOfOneRange() throws Exception {
        assertEquals(Optional.of(new ByteRange(0, 99)), r("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(500, 999)), r("bytes=500-", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), r("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), r("bytes=-5000", 1000));
        assertEquals("an end beyond the file is cut", Optional.of(new ByteRange(990, 999)), r("bytes=990-5000", 1000));
        assertEquals(Optional.of(new ByteRange(999, 999)), r("bytes=999-", 1000));
        assertEquals(1, r("bytes=999-", 1000).orElseThrow().length());
    }

    @Test
    public void ignoresWhatItDoesNotServe() throws Exception {
        assertEquals(Optional.empty(), r(null, 1000));
        assertEquals(Optional.empty(), r("bytes=0-1,5-6", 1000));
        assertEquals(Optional.empty(), r("items=0-1", 1000));
        assertEquals(Optional.empty(), r("bytes=-", 1000));
        assertEquals(Optional.empty(), r("bytes=9-3", 1000));
    }

    @Test
    public void aRangeFromTheEndOnIsUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> r("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> r("bytes=1000-2000", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> r("bytes=-0", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> r("bytes=0-", 0));
    }
}
