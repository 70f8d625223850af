package cn.gannan.hpf.core.commands;

import java.security.AccessController;
import java.util.Locale;

import javax.security.auth.Subject;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserService;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * Base of every module's hpf: commands: finds who is acting (the SSH user, or the node itself on the local
 * console, which only someone with access to the machine can open) and prints refusals as one line in the
 * console's language instead of a stack trace.
 */
public abstract class HpfAction implements Action {

    @Reference
    protected OfficeService offices;

    @Reference
    protected UserService users;

    @Override
    public final Object execute() throws Exception {
        try {
            return run(caller());
        } catch (HpfException e) {
            // Karaf prints the message of a failed command as one line, without the stack trace.
            throw new Refused(e.localized(locale()));
        }
    }

    /** The command's work, as the caller. */
    protected abstract Object run(Caller caller) throws Exception;

    /** The console's language: Chinese on a Chinese system, English otherwise. */
    protected static Locale locale() {
        return "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** A refusal, shown by the console as "Error executing command: <message>" (no stack trace). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The caller: the product user logged in over SSH, or the node for the local console. */
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
            return system; // Karaf's local console user, not a product account
        }
    }
}
