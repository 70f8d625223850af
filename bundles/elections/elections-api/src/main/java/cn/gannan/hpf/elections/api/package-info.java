/**
 * Elections (党组织换届, 工会/团委/妇联 elections): plans, candidates, voter roll, rounds and ballots,
 * tally, committee plenary, approval and terms. The rules themselves are in
 * {@link cn.gannan.hpf.elections.api.rules}.
 */
@Export
@Version("3.0.0")
package cn.gannan.hpf.elections.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
