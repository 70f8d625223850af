package cn.gannan.hpf.shell.ui.internal;

/**
 * What a person is shown for an error.
 *
 * @param text        localized text, never a stack trace
 * @param referenceId short id also written to the log, or null for refusals (no log needed)
 * @param refusal     true for an {@code HpfException} (bad input, no right, stale ...)
 */
public record UserMessage(String text, String referenceId, boolean refusal) {
}
