/**
 * The elections rules engine: plain Java, no database. A {@link cn.gannan.hpf.elections.api.rules.RuleSet}
 * holds every threshold of one organisation type (shipped defaults from the domain rules, changeable by
 * an admin); {@link cn.gannan.hpf.elections.api.rules.ElectionRules} checks quorum, the differential ratio,
 * ballot validity, the round's ballot counts and tallies a round. Every refusal names the rule and the numbers.
 */
@Export
@Version("3.1.0")
package cn.gannan.hpf.elections.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
