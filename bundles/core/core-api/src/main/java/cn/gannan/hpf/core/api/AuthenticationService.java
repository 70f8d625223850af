package cn.gannan.hpf.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Logs people in through the node's JAAS realm, the one realm the console, SSH, the UI and the
 * JSON API share. Failed attempts count towards a lock-out.
 */
@ProviderType
public interface AuthenticationService {

    /** The JAAS realm name every entry point uses. */
    String REALM = "karaf";

    /**
     * Verifies the credentials through the JAAS realm and returns the caller.
     *
     * @throws AuthenticationException with a message that does not tell whether the user exists
     */
    Caller login(String username, char[] password);

    /** Minutes of inactivity after which a UI session ends. */
    int sessionTimeoutMinutes();
}
