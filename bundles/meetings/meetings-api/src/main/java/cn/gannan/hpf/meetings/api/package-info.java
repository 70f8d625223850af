/**
 * The meeting register (会议纪要 / 三会一课): meetings of party bodies and offices, their attendance,
 * agenda topics with decisions and votes, minutes numbered per body and year and co-signed by the
 * leadership, follow-up actions, cadence compliance and statistics.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.meetings.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
