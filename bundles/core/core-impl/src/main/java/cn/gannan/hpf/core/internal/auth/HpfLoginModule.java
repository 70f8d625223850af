package cn.gannan.hpf.core.internal.auth;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.user.CredentialVerifier;
import cn.gannan.hpf.core.internal.user.PasswordHasher;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * The JAAS login module of the node's realm: checks credentials against the user table through
 * the {@link CredentialVerifier} handed over in the options. Adds a {@link UserPrincipal} and
 * one {@link RolePrincipal} per product role (lower case, e.g. {@code office_admin}); admins also
 * get Karaf's console roles.
 */
public class HpfLoginModule implements LoginModule {

    /** Option key of the {@link CredentialVerifier}. */
    public static final String VERIFIER = "cn.gannan.hpf.credentialVerifier";
    /** Karaf roles an administrator gets for the console and SSH. */
    static final List<String> KARAF_ADMIN_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    /** Message of the LoginException when the account is locked; followed by the instant. */
    public static final String LOCKED = "locked:";
    public static final String DISABLED = "disabled";
    public static final String FAILED = "failed";

    private Subject subject;
    private CallbackHandler handler;
    private CredentialVerifier verifier;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        this.verifier = (CredentialVerifier) options.get(VERIFIER);
    }

    @Override
    public boolean login() throws LoginException {
        if (verifier == null) {
            throw new LoginException("The HPF realm is not ready");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        char[] pw = password.getPassword();
        try {
            CredentialVerifier.Result r = verifier.verify(name.getName(), pw);
            switch (r.outcome()) {
                case OK:
                    principals.clear();
                    principals.add(new UserPrincipal(r.account().username()));
                    boolean admin = false;
                    for (Role role : r.account().roles()) {
                        principals.add(new RolePrincipal(role.name().toLowerCase()));
                        admin |= role.administers();
                    }
                    if (admin) {
                        KARAF_ADMIN_ROLES.forEach(k -> principals.add(new RolePrincipal(k)));
                    }
                    return true;
                case LOCKED:
                    throw new AccountLockedException(LOCKED + r.lockedUntil());
                case DISABLED:
                    throw new FailedLoginException(DISABLED);
                default:
                    throw new FailedLoginException(FAILED);
            }
        } finally {
            PasswordHasher.wipe(pw);
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (principals.isEmpty()) {
            return false;
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
