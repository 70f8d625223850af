package cn.gannan.hpf.fleet.internal.centre;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the centre's fleet services (present only on the central node). */
@ObjectClassDefinition(name = "HPF fleet centre")
public @interface CentreConfig {

    String PID = "cn.gannan.hpf.fleet.centre";

    @AttributeDefinition(description = "Folder of the release signing key (owner-only)")
    String keyDir();

    @AttributeDefinition(description = "Folder of the published releases")
    String releasesDir();

    @AttributeDefinition(description = "Maven-layout folders releases are collected from, comma separated")
    String sources();

    @AttributeDefinition(description = "The product features repository; {version} is replaced")
    String featuresRepository() default "mvn:cn.gannan.hpf/hpf-features/{version}/xml/features";

    @AttributeDefinition(description = "How often agents poll, in seconds")
    int pollSeconds() default 300;

    @AttributeDefinition(description = "An office is stale after this many missed polls")
    int staleAfterPolls() default 3;
}
