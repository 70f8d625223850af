package cn.gannan.hpf.core.api;

/**
 * The roles of the platform. Office-bound roles act on their own office's records; the central
 * roles reach across offices: {@link #CENTRAL_ADMIN} reads and writes every office,
 * {@link #AUDITOR} reads every office and writes none.
 */
public enum Role {
    STAFF,
    BRANCH_SECRETARY,
    LEADER,
    OFFICE_ADMIN,
    CENTRAL_ADMIN,
    AUDITOR;

    /** The message key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }

    /** True for the roles that read across offices. */
    public boolean readsAllOffices() {
        return this == CENTRAL_ADMIN || this == AUDITOR;
    }

    /** True for the roles that write across offices. */
    public boolean writesAllOffices() {
        return this == CENTRAL_ADMIN;
    }

    /** True for the roles that administer users, org units and people. */
    public boolean administers() {
        return this == OFFICE_ADMIN || this == CENTRAL_ADMIN;
    }
}
