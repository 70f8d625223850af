package cn.gannan.hpf.itests.support;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionBaseConfigurationOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Pax Exam support: boots the built office distribution on free ports with demo data, and checks its state
 * from inside the container. The HTTP port is chosen in the test driver and handed to the container as the
 * system property {@value #HTTP_PORT_PROPERTY}; inside a test read it with {@link #http()}.
 *
 * <pre>
 * &#64;Configuration
 * public Option[] config() { return Exam.distribution("my-test"); }
 * ...
 * Http api = Exam.http();   // inside a test method
 * </pre>
 */
public final class Exam {

    public static final String HTTP_PORT_PROPERTY = "hpf.test.http.port";

    private Exam() {
    }

    /**
     * Options that boot the distribution (demo mode, HTTP/SSH/RMI on free ports) unpacked under
     * {@code target/exam/<name>}, plus {@code extra}.
     */
    public static Option[] distribution(String name, Option... extra) {
        String zip = System.getProperty("hpf.dist.zip");
        KarafDistributionBaseConfigurationOption dist = karafDistributionConfiguration();
        if (zip != null && new File(zip).isFile()) {
            // copied by maven-dependency-plugin: from the reactor when built from the root, so never a stale zip
            dist = dist.frameworkUrl(new File(zip).toURI().toString());
        } else {
            // running from an IDE without the copy: resolve the installed distribution
            dist = dist.frameworkUrl(maven("cn.gannan.hpf", "hpf-office").type("zip").versionAsInProject());
        }
        int httpPort = freePort();
        List<Option> options = new ArrayList<>(List.of(
                dist.name("hpf-office").karafVersion("4.4.10")
                        .unpackDirectory(new File("target/exam/" + name)).useDeployFolder(false),
                logLevel(LogLevel.WARN),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                systemTimeout(360_000),
                // as bin/setenv does for a real node: the merged Derby bundle's embedded jars carry zip64 extra fields
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                editConfigurationFilePut("etc/system.properties", HTTP_PORT_PROPERTY, String.valueOf(httpPort)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(httpPort)),
                editConfigurationFilePut("etc/cn.gannan.hpf.office.cfg", "demo", "true"),
                // first start keeps the installed modules instead of the county profile: each test enables what it tests
                editConfigurationFilePut("etc/cn.gannan.hpf.modules.cfg", "profile", ""),
                // keep clear of other nodes on this machine (default 8101, 1099, 44444)
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(freePort()))));
        String m2 = System.getProperty("hpf.m2.local");
        if (m2 != null) {
            // Pax Exam's own bundles come from the build's local repository
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", m2));
        }
        if (Boolean.getBoolean("hpf.exam.keep")) {
            // -Dhpf.exam.keep=true keeps each container's folder (logs) under target/exam for a post-mortem
            options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        options.addAll(List.of(extra));
        return options.toArray(new Option[0]);
    }

    /** Inside the container: the node's HTTP port. */
    public static int httpPort() {
        String port = System.getProperty(HTTP_PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException(HTTP_PORT_PROPERTY + " is not set: boot with Exam.distribution(...)");
        }
        return Integer.parseInt(port);
    }

    /** Inside the container: a client for the node's HTTP port. */
    public static Http http() {
        return new Http("http://localhost:" + httpPort());
    }

    /** A free TCP port on this machine. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- state checks, "" when fine

    /** Features of {@code names} that are unknown or not installed. */
    public static String notInstalled(FeaturesService features, Collection<String> names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Feature f = features.getFeature(name);
                if (f == null) {
                    missing.add(name + " (unknown)");
                } else if (!features.isInstalled(f)) {
                    missing.add(name + "/" + f.getVersion() + " (not installed)");
                }
            } catch (Exception e) {
                missing.add(name + " (" + e + ")");
            }
        }
        return String.join(", ", missing);
    }

    /** Bundles not ACTIVE (fragments: not RESOLVED). */
    public static String badBundles(BundleContext context) {
        StringBuilder bad = new StringBuilder();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                bad.append("\n  ").append(b.getBundleId()).append(' ').append(b.getSymbolicName()).append('/')
                        .append(b.getVersion()).append(": ").append(bundleState(b.getState()))
                        .append(fragment ? " (fragment)" : "");
            }
        }
        return bad.toString();
    }

    /** DS components unsatisfied or failed, of the product's bundles only or of all. */
    public static String badComponents(ServiceComponentRuntime scr, boolean hpfOnly) {
        StringBuilder bad = new StringBuilder();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            String bsn = d.bundle.symbolicName;
            if (hpfOnly && (bsn == null || !bsn.startsWith("cn.gannan.hpf"))) {
                continue;
            }
            if (!scr.isComponentEnabled(d)) {
                if (d.defaultEnabled) {
                    bad.append("\n  ").append(bsn).append(": ").append(d.name).append(" DISABLED");
                }
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    bad.append("\n  ").append(bsn).append(": ").append(d.name).append(' ')
                            .append(componentState(c.state));
                    if (c.unsatisfiedReferences != null) {
                        for (var u : c.unsatisfiedReferences) {
                            bad.append(" [missing ").append(u.name).append(' ').append(u.target == null ? "" : u.target)
                                    .append(']');
                        }
                    }
                    if (c.failure != null) {
                        bad.append(" failure: ").append(c.failure.lines().findFirst().orElse(""));
                    }
                }
            }
        }
        return bad.toString();
    }

    public static String bundleState(int s) {
        switch (s) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return String.valueOf(s);
        }
    }

    static String componentState(int s) {
        switch (s) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION: return "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: return "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION: return "FAILED_ACTIVATION";
            case ComponentConfigurationDTO.SATISFIED: return "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE: return "ACTIVE";
            default: return String.valueOf(s);
        }
    }
}
