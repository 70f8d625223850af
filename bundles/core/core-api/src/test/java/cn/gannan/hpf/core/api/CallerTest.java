package cn.gannan.hpf.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.EnumSet;
import java.util.Locale;

import org.junit.Test;

public class CallerTest {

    private static Caller of(String office, Role... roles) {
        return new Caller("id", "u", "U", office, EnumSet.of(roles[0], roles));
    }

    @Test
    public void officeBoundRolesReadAndWriteOnlyTheirOffice() {
        Caller staff = of("GN03", Role.STAFF, Role.LEADER, Role.OFFICE_ADMIN);
        assertTrue(staff.canRead("GN03"));
        assertFalse(staff.canRead("GN04"));
        assertTrue(staff.canWrite("GN03"));
        assertFalse(staff.canWrite("GN00"));
        assertEquals("GN03", staff.scopeOffice(null));
        try {
            staff.scopeOffice("GN04");
            fail();
        } catch (AccessDeniedException e) {
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("GN04"));
            assertEquals(403, e.httpStatus());
        }
    }

    @Test
    public void centralAdminReadsAndWritesAllAuditorOnlyReads() {
        Caller central = of("GN00", Role.CENTRAL_ADMIN);
        assertTrue(central.canWrite("GN07"));
        assertNull("no office filter for central readers", central.scopeOffice(null));
        Caller auditor = of("GN00", Role.AUDITOR);
        assertTrue(auditor.canRead("GN07"));
        assertFalse(auditor.canWrite("GN07"));
        assertFalse("a pure auditor writes not even its own office", auditor.canWrite("GN00"));
    }

    @Test
    public void roleCheckNamesTheMissingRoles() {
        Caller staff = of("GN01", Role.STAFF);
        staff.requireAnyRole(Role.STAFF, Role.LEADER);
        try {
            staff.requireAnyRole(Role.OFFICE_ADMIN, Role.CENTRAL_ADMIN);
            fail();
        } catch (AccessDeniedException e) {
            assertTrue(e.getMessage().contains("OFFICE_ADMIN"));
        }
    }

    @Test
    public void messagesAreLocalizedInBothLanguages() {
        Msg m = Msg.core("error.login.failed");
        assertEquals("用户名或密码错误。", m.format(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Wrong username or password.", m.format(Locale.ENGLISH));
    }

    @Test
    public void coreBundlesHaveTheSameKeys() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("Messages.properties");
                var b = getClass().getResourceAsStream("Messages_zh_CN.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), zh.keySet());
        for (Object k : zh.keySet()) {
            assertFalse(String.valueOf(k), zh.getProperty((String) k).isBlank());
        }
        for (Role r : Role.values()) {
            assertTrue(zh.containsKey(r.messageKey()));
        }
    }
}
