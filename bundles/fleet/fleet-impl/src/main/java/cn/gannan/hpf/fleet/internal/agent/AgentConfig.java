package cn.gannan.hpf.fleet.internal.agent;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of a county node's update agent (present only on county nodes). */
@ObjectClassDefinition(name = "HPF fleet agent")
public @interface AgentConfig {

    String PID = "cn.gannan.hpf.fleet.agent";

    @AttributeDefinition(description = "The centre's base URL, e.g. https://centre.example:8443")
    String centreUrl();

    /**
     * This office's credential, property {@code .token}: a leading dot keeps it out of the service properties (so
     * {@code service:list} does not show it).
     */
    @AttributeDefinition(description = "This office's credential, issued at the centre with hpf:fleet-token", type = AttributeType.PASSWORD)
    String _token();

    @AttributeDefinition(description = "The centre's release public key (Base64 of X.509, as hpf:release-keygen prints it)")
    String publicKey();

    @AttributeDefinition(description = "Seconds between polls when the centre does not say")
    int pollSeconds() default 300;

    @AttributeDefinition(description = "Random spread of each poll interval, percent")
    int jitterPercent() default 20;

    @AttributeDefinition(description = "Seconds the node has to become healthy on a new release")
    int healthTimeoutSeconds() default 180;

    @AttributeDefinition(description = "Features every office runs, comma separated")
    String baseFeatures() default "hpf-core,hpf-commands,hpf-rest,hpf-shell";

    @AttributeDefinition(description = "The agent's folder (state, downloads, backups)")
    String workDir() default "${karaf.data}/fleet/agent";

    @AttributeDefinition(description = "Karaf's multi-repository folder that verified releases are put in (${karaf.data}/kar)")
    String repositoryDir() default "${karaf.data}/kar";

    @AttributeDefinition(description = "Base URL of this node's web server for the health check; empty: http://localhost:<Pax Web port>")
    String localUrl() default "";

    @AttributeDefinition(description = "How many database backups to keep")
    int keepBackups() default 2;

    @AttributeDefinition(description = "Seconds to wait for the centre to connect and for each read")
    int timeoutSeconds() default 30;
}
