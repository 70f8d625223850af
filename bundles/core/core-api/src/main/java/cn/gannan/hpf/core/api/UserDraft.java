package cn.gannan.hpf.core.api;

import java.util.Set;

/** What an admin enters to create or change an account. */
public record UserDraft(String username, String displayName, String officeCode, String personId, Set<Role> roles,
        boolean enabled) {
}
