/**
 * The counter's rules as pure functions, without I/O: the ID number check digit (GB 11643-1999),
 * masking of personal data in lists, the working-day calendar, legal and promised time limits and
 * due dates, and payment caps. The services apply them; the UI may use them to show the same answer.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.counter.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
