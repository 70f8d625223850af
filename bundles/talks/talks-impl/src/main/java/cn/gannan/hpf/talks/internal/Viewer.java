package cn.gannan.hpf.talks.internal;

import java.util.Set;

import cn.gannan.hpf.core.api.Caller;

/**
 * The caller as the confidentiality rules see them: their roles, the person their account is
 * linked to (null when none) and the bodies whose current secretary that person is.
 */
public record Viewer(Caller caller, String personId, Set<String> secretaryOf) {

    public Viewer {
        secretaryOf = Set.copyOf(secretaryOf);
    }
}
