package cn.gannan.hpf.core.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: the authenticated user, their office and roles. Every service method takes a
 * caller and checks it with the methods below; this is the one authorisation API that every
 * module uses, so the UI, the JSON API and the console get the same answer.
 */
public final class Caller {

    /** Username of the node itself (demo data, migrations). */
    public static final String SYSTEM_USERNAME = "system";

    private final String userId;
    private final String username;
    private final String displayName;
    private final String officeCode;
    private final Set<Role> roles;

    public Caller(String userId, String username, String displayName, String officeCode, Set<Role> roles) {
        this.userId = userId;
        this.username = Objects.requireNonNull(username, "username");
        this.displayName = displayName == null ? username : displayName;
        this.officeCode = Objects.requireNonNull(officeCode, "officeCode");
        this.roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** The node acting on its own behalf, with every right on its own office and the centre's reach. */
    public static Caller system(String officeCode) {
        return new Caller(null, SYSTEM_USERNAME, SYSTEM_USERNAME, officeCode, EnumSet.of(Role.CENTRAL_ADMIN, Role.OFFICE_ADMIN));
    }

    public String userId() { return userId; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String officeCode() { return officeCode; }
    public Set<Role> roles() { return roles; }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** True when this caller may read records of every office. */
    public boolean readsAllOffices() {
        return roles.stream().anyMatch(Role::readsAllOffices);
    }

    /** True when this caller may write records of every office. */
    public boolean writesAllOffices() {
        return roles.stream().anyMatch(Role::writesAllOffices);
    }

    public boolean canRead(String recordOffice) {
        return readsAllOffices() || officeCode.equals(recordOffice);
    }

    public boolean canWrite(String recordOffice) {
        if (has(Role.AUDITOR) && !hasAny(Role.CENTRAL_ADMIN, Role.OFFICE_ADMIN, Role.LEADER, Role.BRANCH_SECRETARY, Role.STAFF)) {
            return false; // a pure auditor never writes
        }
        return writesAllOffices() || officeCode.equals(recordOffice);
    }

    /** Refuses unless the caller holds one of the roles. */
    public void requireAnyRole(Role... anyOf) {
        if (!hasAny(anyOf)) {
            throw new AccessDeniedException(Msg.core("error.access.role", roleList(anyOf)));
        }
    }

    /** Refuses reading a record of another office unless a central role allows it. */
    public void requireRead(String recordOffice) {
        if (!canRead(recordOffice)) {
            throw new AccessDeniedException(Msg.core("error.access.office", recordOffice));
        }
    }

    /** Refuses writing a record of another office unless a central role allows it. */
    public void requireWrite(String recordOffice) {
        if (!canWrite(recordOffice)) {
            throw new AccessDeniedException(Msg.core("error.access.office.write", recordOffice));
        }
    }

    /**
     * The office a query is restricted to: the requested one when the caller may read it, the
     * caller's own when nothing was requested and the caller is office-bound, or {@code null}
     * (every office) for central readers asking for no office in particular.
     */
    public String scopeOffice(String requestedOffice) {
        if (requestedOffice != null && !requestedOffice.isBlank()) {
            requireRead(requestedOffice);
            return requestedOffice;
        }
        return readsAllOffices() ? null : officeCode;
    }

    private static String roleList(Role... roles) {
        StringBuilder sb = new StringBuilder();
        for (Role r : roles) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.name());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return username + "@" + officeCode + roles;
    }
}
