package cn.gannan.hpf.core.internal.auth;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.security.Principal;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.AuthenticationService;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.core.internal.user.PasswordHasher;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Logs in through the JAAS realm (never around it) and turns the subject into a {@link Caller}.
 * Depends on the realm component so it is only offered once the realm is registered.
 */
@Component(service = AuthenticationService.class, configurationPid = "cn.gannan.hpf.security")
public class AuthenticationServiceImpl implements AuthenticationService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final UserService users;
    private final int sessionTimeout;

    @Activate
    public AuthenticationServiceImpl(@Reference UserService users,
            @Reference(target = "(component.name=cn.gannan.hpf.core.internal.auth.HpfJaasRealm)") JaasRealm realm,
            Config config) {
        this.users = users;
        this.sessionTimeout = config.sessionTimeoutMinutes();
    }

    /** The part of the security configuration this component reads. */
    public @interface Config {
        int sessionTimeoutMinutes() default 30;
    }

    @Override
    public Caller login(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            PasswordHasher.wipe(password);
            throw new AuthenticationException(Msg.core("error.login.empty"));
        }
        String user = username.strip();
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            LoginContext lc = new LoginContext(REALM, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password);
                    }
                }
            });
            lc.login();
        } catch (AccountLockedException e) {
            String until = e.getMessage() != null && e.getMessage().startsWith(HpfLoginModule.LOCKED)
                    ? TIME.format(java.time.Instant.parse(e.getMessage().substring(HpfLoginModule.LOCKED.length()))) : "";
            throw new AuthenticationException(Msg.core("error.login.locked", until));
        } catch (LoginException e) {
            throw new AuthenticationException(Msg.core(HpfLoginModule.DISABLED.equals(e.getMessage())
                    ? "error.login.disabled" : "error.login.failed"));
        } finally {
            thread.setContextClassLoader(previous);
            PasswordHasher.wipe(password);
        }
        String name = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst()
                .orElseThrow(() -> new AuthenticationException(Msg.core("error.login.failed")));
        UserAccount account = users.byUsername(Caller.system("GN00"), name);
        return new Caller(account.id(), account.username(), account.displayName(), account.officeCode(), account.roles());
    }

    @Override
    public int sessionTimeoutMinutes() {
        return sessionTimeout;
    }
}
