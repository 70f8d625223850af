package cn.gannan.hpf.core.internal.auth;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import cn.gannan.hpf.core.api.AuthenticationService;
import cn.gannan.hpf.core.internal.user.CredentialVerifier;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers the node's JAAS realm under Karaf's realm name with a higher rank than Karaf's own
 * properties realm, so the console, SSH, the web UI and the JSON API share the database users.
 */
@Component(service = JaasRealm.class)
public class HpfJaasRealm implements JaasRealm {

    /** Karaf's own "karaf" realm has rank 0. */
    static final int RANK = 100;

    private final AppConfigurationEntry[] entries;

    @Activate
    public HpfJaasRealm(@Reference CredentialVerifier verifier, BundleContext context) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, HpfLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(HpfLoginModule.VERIFIER, verifier);
        options.put(BundleContext.class.getName(), context);
        this.entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return AuthenticationService.REALM;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
