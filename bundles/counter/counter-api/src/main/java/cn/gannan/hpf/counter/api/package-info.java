/**
 * The counter module (一站式服务大厅): service catalogue, queue, applications with the one-time
 * notice and time limits, first-responder ownership, SMS notification, ratings and statistics.
 * Every service method takes the {@link cn.gannan.hpf.core.api.Caller} and checks role and office.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.counter.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
