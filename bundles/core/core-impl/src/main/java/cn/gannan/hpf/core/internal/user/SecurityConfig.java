package cn.gannan.hpf.core.internal.user;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.gannan.hpf.security.cfg}: lock-out, session and password policy. */
@ObjectClassDefinition(name = "HPF security")
public @interface SecurityConfig {

    String PID = "cn.gannan.hpf.security";

    @AttributeDefinition(description = "Failed logins in a row that lock an account")
    int maxFailedAttempts() default 5;

    @AttributeDefinition(description = "Minutes an account stays locked")
    int lockMinutes() default 15;

    @AttributeDefinition(description = "Minutes of inactivity after which a UI session ends")
    int sessionTimeoutMinutes() default 30;

    @AttributeDefinition(description = "Shortest password accepted")
    int passwordMinLength() default 8;

    @AttributeDefinition(description = "PBKDF2 iterations for new hashes")
    int pbkdf2Iterations() default PasswordHasher.DEFAULT_ITERATIONS;
}
