package cn.gannan.hpf.talks.api;

/** Why a talk was held. */
public enum TalkTrigger {
    ROUTINE,                 // 日常谈心
    INSPECTION_FINDING,      // 督查发现问题
    SELF_INSPECTION,         // 自查情况
    JOB_CHANGE,              // 岗位变动
    DISCIPLINE,              // 纪律作风
    FAMILY_DIFFICULTY,       // 家庭困难
    DEMOCRATIC_LIFE_MEETING, // 民主生活会前
    OTHER;                   // 其他

    public String messageKey() {
        return "trigger." + name();
    }
}
