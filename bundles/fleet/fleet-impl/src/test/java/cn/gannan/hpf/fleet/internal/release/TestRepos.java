package cn.gannan.hpf.fleet.internal.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small Maven-layout "system" folder on disk, shaped like the distribution's: a product features repository
 * of a version, a nested third-party repository with two versions of a feature and one unrelated feature, the
 * bundles and a config file they reference.
 */
public final class TestRepos {

    public static final String PRODUCT = "mvn:cn.gannan.hpf/hpf-features/{version}/xml/features";

    private TestRepos() {
    }

    public static String productXml(String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <features name="hpf-%1$s" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <repository>mvn:org.example/base-features/1.0.0/xml/features</repository>
                  <repository>mvn:org.example/absent-features/9.9/xml/features</repository>
                  <feature name="hpf-core" version="%1$s">
                    <feature>scr</feature>
                    <feature version="[2.0,3.0)">lib</feature>
                    <config name="cn.gannan.hpf.office">code = GN00</config>
                    <bundle>mvn:cn.gannan.hpf/core-api/%1$s</bundle>
                    <bundle start-level="80">mvn:cn.gannan.hpf/core-impl/%1$s</bundle>
                    <configfile finalname="${karaf.etc}/hpf.cfg">mvn:cn.gannan.hpf/hpf-config/%1$s/cfg/default</configfile>
                  </feature>
                  <feature name="hpf-talks" version="%1$s">
                    <feature>hpf-core</feature>
                    <bundle>wrap:mvn:org.example/plain-lib/1.2$Bundle-SymbolicName=plain</bundle>
                    <conditional>
                      <condition>hpf-meetings</condition>
                      <bundle>mvn:cn.gannan.hpf/talks-meetings/%1$s</bundle>
                    </conditional>
                  </feature>
                </features>
                """.formatted(version);
    }

    public static final String BASE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <features name="base" xmlns="http://karaf.apache.org/xmlns/features/v1.4.0">
              <feature name="scr" version="4.4.10"><bundle>mvn:org.example/scr/2.2.6</bundle></feature>
              <feature name="lib" version="2.1.0"><bundle>mvn:org.example/lib/2.1.0</bundle></feature>
              <feature name="lib" version="3.0.0"><bundle>mvn:org.example/lib/3.0.0</bundle></feature>
              <feature name="unused" version="1.0.0"><bundle>mvn:org.example/unused/1.0.0</bundle></feature>
            </features>
            """;

    /** Writes the product repository of {@code version} with everything it needs into {@code system}. */
    public static void system(Path system, String version) throws IOException {
        write(system, "cn/gannan/hpf/hpf-features/" + version + "/hpf-features-" + version + "-features.xml", productXml(version));
        write(system, "org/example/base-features/1.0.0/base-features-1.0.0-features.xml", BASE_XML);
        jar(system, "cn/gannan/hpf/core-api/" + version + "/core-api-" + version + ".jar", 3000);
        jar(system, "cn/gannan/hpf/core-impl/" + version + "/core-impl-" + version + ".jar", 70_000);
        write(system, "cn/gannan/hpf/hpf-config/" + version + "/hpf-config-" + version + "-default.cfg", "a = 1\n");
        jar(system, "cn/gannan/hpf/talks-meetings/" + version + "/talks-meetings-" + version + ".jar", 1200);
        jar(system, "org/example/plain-lib/1.2/plain-lib-1.2.jar", 500);
        jar(system, "org/example/scr/2.2.6/scr-2.2.6.jar", 4000);
        jar(system, "org/example/lib/2.1.0/lib-2.1.0.jar", 800);
        jar(system, "org/example/lib/3.0.0/lib-3.0.0.jar", 900);
        jar(system, "org/example/unused/1.0.0/unused-1.0.0.jar", 100);
    }

    public static Path write(Path root, String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    public static Path jar(Path root, String path, int size) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        byte[] b = new byte[size];
        new Random(path.hashCode()).nextBytes(b);
        Files.write(f, b);
        return f;
    }
}
