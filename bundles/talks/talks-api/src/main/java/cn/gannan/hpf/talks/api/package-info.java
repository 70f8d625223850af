/**
 * The talk log (谈心谈话): talks with their kinds (reference data), participants, the decision
 * behind them, confidential summaries and follow-ups; yearly talk plans per body and their
 * coverage; statistics. Confidentiality is enforced by {@link cn.gannan.hpf.talks.api.TalkService}:
 * a {@link cn.gannan.hpf.talks.api.Talk} carries its summary only for the people entitled to it.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.talks.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
