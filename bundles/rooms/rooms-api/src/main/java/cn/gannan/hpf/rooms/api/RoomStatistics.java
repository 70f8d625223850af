package cn.gannan.hpf.rooms.api;

import java.util.List;

/** Statistics of a year for one office or (central roles) all offices. */
public record RoomStatistics(int year, String officeCode, int standardVersion, List<SiteStatistics> sites) {
}
