package cn.gannan.hpf.core.api;

public enum AuditAction {
    CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, LOGOUT;

    public String messageKey() {
        return "auditAction." + name();
    }
}
