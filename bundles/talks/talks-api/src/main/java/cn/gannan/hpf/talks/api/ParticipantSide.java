package cn.gannan.hpf.talks.api;

/** 谈话人 (talker) or 谈话对象 (target). */
public enum ParticipantSide {
    TALKER, TARGET
}
