package cn.gannan.hpf.modules.internal.commands;

import java.security.AccessController;
import java.util.List;
import java.util.Locale;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.core.api.UserAccount;
import cn.gannan.hpf.core.api.UserService;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleService;

/**
 * Base of the hpf:module-* commands: acts as the product user logged in over SSH (so the office admin role is
 * checked by the service), or as the node on the local console; refusals print as one localized line.
 */
public abstract class ModuleAction implements Action {

    @Reference
    protected ModuleService modules;

    @Reference
    protected OfficeService offices;

    @Reference
    protected UserService users;

    @Override
    public final Object execute() throws Exception {
        try {
            return run(caller());
        } catch (HpfException e) {
            throw new RefusedException(e.localized(locale()));
        }
    }

    protected abstract Object run(Caller caller) throws Exception;

    protected static Locale locale() {
        return "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    @SuppressWarnings("removal")
    private Caller caller() {
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

    /** Prints a dry run. */
    protected static void print(ModulePlan p) {
        line("enable", p.enable());
        line("disable", p.disable());
        line("install bundles", p.install());
        line("start bundles", p.start());
        line("stop bundles", p.stop());
        System.out.println("  refresh bundles outside the change: " + (p.refresh().isEmpty() ? "none" : p.refresh()));
        if (!p.unavailable().isEmpty()) {
            line("unavailable on this node", p.unavailable());
        }
        if (p.isEmpty()) {
            System.out.println("  nothing to do");
        }
    }

    private static void line(String what, List<String> items) {
        if (!items.isEmpty()) {
            System.out.println("  " + what + ": " + String.join(", ", items));
        }
    }

    /** A refusal, shown by the console as one line. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
