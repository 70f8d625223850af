/**
 * Core services of an office node: office identity, org units, people, users and roles,
 * authorisation ({@link cn.gannan.hpf.core.api.Caller}), audit and errors every module shares.
 */
@Export
@Version("1.1.0")
package cn.gannan.hpf.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
