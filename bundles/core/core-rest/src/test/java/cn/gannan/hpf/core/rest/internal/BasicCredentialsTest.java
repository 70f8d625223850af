package cn.gannan.hpf.core.rest.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.Test;

public class BasicCredentialsTest {

    private static String basic(String s) {
        return "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void parsesUsernameAndPassword() {
        BasicCredentials c = BasicCredentials.parse(basic("zhang.san:pa:ss word"));
        assertTrue(c.present());
        assertEquals("zhang.san", c.username());
        assertArrayEquals("pa:ss word".toCharArray(), c.password());
        c.wipe();
        assertArrayEquals(new char[10], c.password());
    }

    @Test
    public void schemeIsCaseInsensitiveAndUtf8() {
        BasicCredentials c = BasicCredentials.parse("bASIC " + basic("扎西:密码1").substring(6));
        assertEquals("扎西", c.username());
        assertArrayEquals("密码1".toCharArray(), c.password());
    }

    @Test
    public void absentWhenNoHeaderOrAnotherScheme() {
        assertSame(BasicCredentials.ABSENT, BasicCredentials.parse(null));
        assertSame(BasicCredentials.ABSENT, BasicCredentials.parse(""));
        assertSame(BasicCredentials.ABSENT, BasicCredentials.parse("Bearer abc.def"));
    }

    @Test
    public void malformedVariants() {
        assertSame(BasicCredentials.MALFORMED, BasicCredentials.parse("Basic"));
        assertSame(BasicCredentials.MALFORMED, BasicCredentials.parse("Basic    "));
        assertSame(BasicCredentials.MALFORMED, BasicCredentials.parse("Basic %%%notbase64"));
        assertSame(BasicCredentials.MALFORMED, BasicCredentials.parse(basic("nocolon")));
        assertSame(BasicCredentials.MALFORMED, BasicCredentials.parse("Basic " + Base64.getEncoder()
                .encodeToString(new byte[] { (byte) 0xC3, (byte) 0x28, ':', 'x' }))); // invalid UTF-8
    }

    @Test
    public void emptyPartsAreParsedAndLeftToTheServiceToRefuse() {
        BasicCredentials c = BasicCredentials.parse(basic(":"));
        assertTrue(c.present());
        assertEquals("", c.username());
        assertEquals(0, c.password().length);
    }
}
