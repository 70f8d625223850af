package cn.gannan.hpf.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.EnumSet;
import java.util.Locale;

import org.junit.Test;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.AuditAction;
import cn.gannan.hpf.core.api.AuditQuery;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserDraft;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.core.internal.user.CredentialVerifier.Outcome;
import cn.gannan.hpf.core.internal.user.PasswordHasher;

public class UserAndPasswordTest {

    private final TestNode node = new TestNode();
    private final Caller admin = TestNode.caller("GN01", Role.OFFICE_ADMIN);

    private UserAccount create(String username, String password) {
        return node.users.create(admin, new UserDraft(username, "张三", "GN01", null, EnumSet.of(Role.STAFF), true),
                password.toCharArray());
    }

    @Test
    public void hashesAreSaltedAndVerifyOnlyTheRightPassword() {
        PasswordHasher h = new PasswordHasher(1000);
        String a = h.hash("Secret123".toCharArray());
        String b = h.hash("Secret123".toCharArray());
        assertNotEquals("same password, different salt", a, b);
        assertTrue(a.startsWith("pbkdf2-sha512$1000$"));
        assertTrue(h.verify("Secret123".toCharArray(), a));
        assertFalse(h.verify("Secret124".toCharArray(), a));
        assertFalse(h.verify("Secret123".toCharArray(), "garbage"));
        assertTrue("a stronger setting asks for a rehash", new PasswordHasher(2000).needsRehash(a));
        assertFalse(h.needsRehash(a));
    }

    @Test
    public void passwordIsNeverStoredInClearAndLoginWorks() {
        create("zhangsan", "Zhang2026x");
        String stored = node.db.read(admin, tx -> tx.queryOne("SELECT PASSWORD_HASH FROM HPF_USER WHERE USERNAME = ?",
                rs -> rs.getString(1), "zhangsan").orElseThrow());
        assertFalse(stored.contains("Zhang2026x"));
        assertEquals(Outcome.OK, node.users.verify("zhangsan", "Zhang2026x".toCharArray()).outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, node.users.verify("zhangsan", "wrong".toCharArray()).outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, node.users.verify("nobody", "Zhang2026x".toCharArray()).outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, node.users.verify("", new char[0]).outcome());
    }

    @Test
    public void weakPasswordIsRefusedAndNothingIsWritten() {
        try {
            create("lisi", "short1");
            fail("a weak password must be refused");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("password"));
            assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE).contains("8"));
        }
        try {
            create("lisi", "lettersonly");
            fail("a password without digits must be refused");
        } catch (ValidationException expected) {
            // expected
        }
        assertEquals(0, node.users.find(admin, null, "lisi", PageRequest.first(10)).total());
    }

    @Test
    public void accountLocksAfterRepeatedFailuresEvenForTheRightPassword() {
        create("wangwu", "Wangwu2026");
        assertEquals(Outcome.BAD_CREDENTIALS, node.users.verify("wangwu", "bad1".toCharArray()).outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, node.users.verify("wangwu", "bad2".toCharArray()).outcome());
        var third = node.users.verify("wangwu", "bad3".toCharArray());
        assertEquals("the third failure (max 3) locks", Outcome.LOCKED, third.outcome());
        assertNotNull(third.lockedUntil());
        assertEquals(Outcome.LOCKED, node.users.verify("wangwu", "Wangwu2026".toCharArray()).outcome());
        // An admin's reset unlocks.
        node.users.resetPassword(admin, "wangwu", "Newpass2026".toCharArray());
        assertEquals(Outcome.OK, node.users.verify("wangwu", "Newpass2026".toCharArray()).outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, node.users.verify("wangwu", "Wangwu2026".toCharArray()).outcome());
    }

    @Test
    public void successfulLoginResetsTheFailureCount() {
        create("zhaoliu", "Zhaoliu2026");
        node.users.verify("zhaoliu", "bad".toCharArray());
        node.users.verify("zhaoliu", "bad".toCharArray());
        assertEquals(Outcome.OK, node.users.verify("zhaoliu", "Zhaoliu2026".toCharArray()).outcome());
        node.users.verify("zhaoliu", "bad".toCharArray());
        node.users.verify("zhaoliu", "bad".toCharArray());
        assertEquals(Outcome.OK, node.users.verify("zhaoliu", "Zhaoliu2026".toCharArray()).outcome());
    }

    @Test
    public void disabledAccountCannotLogIn() {
        UserAccount u = create("sunqi", "Sunqi20266");
        node.users.update(admin, u.id(), u.meta().version(), new UserDraft(u.username(), u.displayName(), "GN01", null,
                u.roles(), false));
        assertEquals(Outcome.DISABLED, node.users.verify("sunqi", "Sunqi20266".toCharArray()).outcome());
    }

    @Test
    public void onlyTheCentralAdminGrantsCentralRoles() {
        try {
            node.users.create(admin, new UserDraft("sneaky", "越权", "GN01", null, EnumSet.of(Role.CENTRAL_ADMIN), true),
                    "Sneaky2026".toCharArray());
            fail("an office admin may not create a central admin");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("roles"));
        }
        Caller central = TestNode.caller("GN00", Role.CENTRAL_ADMIN);
        node.users.create(central, new UserDraft("auditor1", "审计", "GN00", null, EnumSet.of(Role.AUDITOR), true),
                "Audit20266".toCharArray());
    }

    @Test
    public void officeAdminCannotManageAnotherOfficesUsers() {
        try {
            node.users.create(admin, new UserDraft("other", "他人", "GN02", null, EnumSet.of(Role.STAFF), true),
                    "Other20266".toCharArray());
            fail("writing another office must be refused");
        } catch (AccessDeniedException expected) {
            // expected
        }
        try {
            node.users.find(TestNode.caller("GN01", Role.STAFF), null, null, PageRequest.first(5));
            fail("staff may not list users");
        } catch (AccessDeniedException expected) {
            // expected
        }
    }

    @Test
    public void duplicateUsernameIsRefused() {
        create("dup.user", "Dupuser2026");
        try {
            create("DUP.USER", "Dupuser2026");
            fail("usernames are unique regardless of case");
        } catch (ValidationException e) {
            assertTrue(e.fieldErrors().containsKey("username"));
        }
    }

    @Test
    public void loginAttemptsAreAudited() {
        create("audited", "Audited2026");
        node.users.verify("audited", "bad".toCharArray());
        node.users.verify("audited", "Audited2026".toCharArray());
        Caller auditor = TestNode.caller("GN00", Role.AUDITOR);
        var fails = node.audit.find(auditor, new AuditQuery(null, null, null, "user", null, AuditAction.LOGIN_FAILED, null, null),
                PageRequest.first(10));
        var logins = node.audit.find(auditor, new AuditQuery(null, null, null, "user", null, AuditAction.LOGIN, null, null),
                PageRequest.first(10));
        assertEquals(1, fails.total());
        assertEquals(1, logins.total());
        assertFalse("no password in the audit", fails.items().get(0).changes() != null
                && fails.items().get(0).changes().contains("bad"));
    }
}
