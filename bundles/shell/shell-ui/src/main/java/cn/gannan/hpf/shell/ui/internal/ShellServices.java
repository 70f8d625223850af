package cn.gannan.hpf.shell.ui.internal;

import cn.gannan.hpf.core.api.AuthenticationService;
import cn.gannan.hpf.core.api.OfficeService;

/** What every UI of the shell needs, handed over by the servlet component (no statics). */
public record ShellServices(AuthenticationService auth, OfficeService offices, ContributionRegistry registry) {
}
