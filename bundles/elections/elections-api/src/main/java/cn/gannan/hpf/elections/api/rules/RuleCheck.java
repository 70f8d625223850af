package cn.gannan.hpf.elections.api.rules;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.ValidationException;

/**
 * The outcome of one rule check, passed or not, always with the message that names the rule and
 * the numbers (a check never passes silently).
 *
 * @param rule     the rule's id, e.g. {@code quorum}, {@code differential}
 * @param passed   whether the rule is met
 * @param required the number the rule asks for (e.g. at least 41 present)
 * @param actual   the number there is
 * @param message  what was checked, with the numbers; on failure the refusal
 */
public record RuleCheck(String rule, boolean passed, long required, long actual, Msg message) {

    /** Throws the refusal (HTTP 422) when the rule is not met. */
    public RuleCheck orThrow() {
        if (!passed) {
            throw new RuleViolationException(rule, message);
        }
        return this;
    }

    /** A rule refusal: a validation error that names the rule. */
    public static final class RuleViolationException extends ValidationException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        public RuleViolationException(String rule, Msg msg) {
            super(msg);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }
}
