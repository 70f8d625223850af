package cn.gannan.hpf.rooms.api;

/** Categories of standard items. */
public enum StandardCategory {
    ROOM, SIGN, PARTY_FLAG, WALL_OATH, WALL_RULES, BULLETIN_BOARD, PARTY_STUDY_CABINET, BUSINESS_STUDY_CABINET, ARCHIVE_BOX, BOOKS_PAPERS, EQUIPMENT, FURNITURE, MANAGEMENT
}
