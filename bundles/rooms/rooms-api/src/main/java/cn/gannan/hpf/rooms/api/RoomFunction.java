package cn.gannan.hpf.rooms.api;

/** The four functions the combined room serves (四位一体). */
public enum RoomFunction {
    MEETING, PARTY_ACTIVITY, STUDY_READING, PARTY_BUILDING
}
