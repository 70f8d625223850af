package cn.gannan.hpf.modules.internal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;

import cn.gannan.hpf.core.commands.HpfAction;
import cn.gannan.hpf.modules.api.ModulePlan;
import cn.gannan.hpf.modules.api.ModuleService;

/**
 * Base of the hpf:module-* commands: acts as the product user logged in over SSH (so the office admin role is
 * checked by the service), or as the node on the local console; refusals print as one localized line.
 */
public abstract class ModuleAction extends HpfAction {

    @Reference
    protected ModuleService modules;

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
}
