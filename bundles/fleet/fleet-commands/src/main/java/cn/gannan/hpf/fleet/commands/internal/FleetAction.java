package cn.gannan.hpf.fleet.commands.internal;

import java.security.AccessController;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserService;

/**
 * Base of the fleet's commands, as the core's: the caller is the product user logged in over SSH, or the node
 * itself on the local console; a refusal prints as one line in the console's language.
 */
public abstract class FleetAction implements Action {

    static final String BUNDLE = "cn.gannan.hpf.fleet.commands.internal.Messages";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Reference
    protected OfficeService offices;

    @Reference
    protected UserService users;

    @Override
    public final Object execute() throws Exception {
        try {
            return run(caller());
        } catch (HpfException e) {
            throw new Refused(e.localized(locale()));
        }
    }

    protected abstract Object run(Caller caller) throws Exception;

    /** A centre service, or a refusal saying that the command belongs to the centre. */
    static <T> T centre(T service) throws Refused {
        if (service == null) {
            throw new Refused(new Msg(BUNDLE, FleetAction.class.getClassLoader(), "error.notCentre").format(locale()));
        }
        return service;
    }

    /** The agent, or a refusal saying that the command belongs to a county node. */
    static <T> T county(T service) throws Refused {
        if (service == null) {
            throw new Refused(new Msg(BUNDLE, FleetAction.class.getClassLoader(), "error.notCounty").format(locale()));
        }
        return service;
    }

    static Locale locale() {
        return "zh".equals(Locale.getDefault().getLanguage()) ? Msg.ZH_CN : Locale.ENGLISH;
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static String text(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    static String list(List<String> l) {
        return l == null ? "(office decides)" : l.isEmpty() ? "(none)" : String.join(",", l);
    }

    /** Shown by the console as "Error executing command: <message>". */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @SuppressWarnings("removal")
    protected Caller caller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String name = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName).findFirst().orElse(null);
        Caller system = Caller.system(offices.current().code());
        if (name == null) {
            return system;
        }
        try {
            UserAccount u = users.byUsername(system, name);
            return new Caller(u.id(), u.username(), u.displayName(), u.officeCode(), u.roles());
        } catch (NotFoundException e) {
            return system; // Karaf's own console user, not a product account
        }
    }
}
