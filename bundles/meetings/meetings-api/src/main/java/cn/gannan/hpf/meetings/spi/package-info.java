/**
 * What other modules may implement to extend the meeting register. Everything here is optional: the
 * register works without any implementation.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.meetings.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
