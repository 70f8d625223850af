package cn.gannan.hpf.core.api;

public enum Gender {
    MALE, FEMALE;

    public String messageKey() {
        return "gender." + name();
    }
}
