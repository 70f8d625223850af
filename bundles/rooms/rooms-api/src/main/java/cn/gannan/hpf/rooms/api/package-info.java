/**
 * The four-in-one activity room (四位一体 党建阵地) of each site: the unified standard as versioned
 * data, the room, its inventory with movement history, conformance checks, inspections with
 * rectification items, the usage log and bookings, statistics. {@link cn.gannan.hpf.rooms.api.RoomBookingService}
 * is the narrow contract other modules (meetings) use to book the room.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.rooms.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
