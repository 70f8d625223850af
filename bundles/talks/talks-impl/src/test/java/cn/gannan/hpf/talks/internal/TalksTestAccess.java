package cn.gannan.hpf.talks.internal;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Person;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.talks.api.TalkDraft;
import cn.gannan.hpf.talks.api.TalkPlanService;
import cn.gannan.hpf.talks.api.TalkService;

/** The test node for tests in other packages. */
public final class TalksTestAccess {

    private final TalksNode n = new TalksNode();

    public TalkService talks() {
        return n.talks;
    }

    public TalkPlanService plans() {
        return n.plans;
    }

    public Person secretary() {
        return n.secretary;
    }

    public Person staffA() {
        return n.staffA;
    }

    public Person staffC() {
        return n.staffC;
    }

    public String branchId() {
        return n.branch.id();
    }

    public Caller login(String username, Person person, Role role) {
        return n.login(username, person, "GN01", role);
    }

    public TalkDraft oneOnOne(String summary) {
        return TalksNode.oneOnOne(n.leader, n.staffA, n.branch.id(), summary);
    }
}
