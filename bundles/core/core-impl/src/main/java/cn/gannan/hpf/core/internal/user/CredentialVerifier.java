package cn.gannan.hpf.core.internal.user;

import cn.gannan.hpf.core.api.UserAccount;

/** What the JAAS login module asks: are these credentials good? Internal to the core. */
public interface CredentialVerifier {

    /** The outcome of a login attempt. */
    enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

    /** The result; {@code account} is set for OK, {@code lockedUntil} for LOCKED. */
    record Result(Outcome outcome, UserAccount account, java.time.Instant lockedUntil) {
    }

    /** Checks the credentials, counts failures, locks after too many, and audits the attempt. */
    Result verify(String username, char[] password);
}
