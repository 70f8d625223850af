package cn.gannan.hpf.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** Accounts, roles and passwords. Office admins manage their office; central admins every office. */
@ProviderType
public interface UserService {

    Page<UserAccount> find(Caller caller, String officeCode, String text, PageRequest page);

    UserAccount get(Caller caller, String id);

    UserAccount byUsername(Caller caller, String username);

    /** Creates an account; the password must satisfy the password policy. */
    UserAccount create(Caller caller, UserDraft draft, char[] initialPassword);

    UserAccount update(Caller caller, String id, long expectedVersion, UserDraft draft);

    /** An admin sets a new password; it also clears a lock-out. */
    UserAccount resetPassword(Caller caller, String username, char[] newPassword);

    /** A user changes their own password, proving the old one. */
    void changeOwnPassword(Caller caller, char[] oldPassword, char[] newPassword);

    UserAccount unlock(Caller caller, String id);
}
