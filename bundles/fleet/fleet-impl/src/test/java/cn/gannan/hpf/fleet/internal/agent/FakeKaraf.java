package cn.gannan.hpf.fleet.internal.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import cn.gannan.hpf.fleet.internal.release.FeatureVersions;
import cn.gannan.hpf.fleet.internal.release.FeaturesRepository;
import cn.gannan.hpf.fleet.internal.release.FeaturesRepository.FeatureDef;
import cn.gannan.hpf.fleet.internal.release.MavenPaths;
import cn.gannan.hpf.fleet.internal.release.TestRepos;

/**
 * Karaf's features as far as the agent sees them: repositories are read the way Karaf's resolver would, from the
 * Maven-layout folders under the kar folder (so a release the agent did not put there cannot be added), and the
 * required features change as installs and uninstalls ask.
 */
final class FakeKaraf implements Provisioning {

    final Path kar;
    final Map<String, String> required = new TreeMap<>();
    final Map<URI, List<FeatureDef>> repositories = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    Predicate<Set<String>> failInstall = s -> false;

    FakeKaraf(Path kar, String running, String... modules) throws IOException {
        this.kar = kar;
        URI uri = URI.create("mvn:cn.gannan.hpf/hpf-features/" + running + "/xml/features");
        repositories.put(uri, parse(new ByteArrayInputStream(TestRepos.productXml(running).getBytes(StandardCharsets.UTF_8))));
        required.put("hpf-core", running);
        for (String m : modules) {
            required.put(m, running);
        }
        required.put("scr", "4.4.10");
    }

    private static List<FeatureDef> parse(InputStream in) throws IOException {
        return FeaturesRepository.parse(in).features();
    }

    @Override
    public Map<String, String> requiredFeatures() {
        return new TreeMap<>(required);
    }

    @Override
    public Optional<URI> repositoryOf(String featureName) {
        String v = required.get(featureName);
        return repositories.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(f -> f.name().equals(featureName) && same(f.version(), v)))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public void addRepository(URI uri) throws Exception {
        log.add("addRepository " + uri);
        String path = MavenPaths.path(uri.toString());
        try (Stream<Path> dirs = Files.list(kar)) {
            Path file = dirs.map(d -> d.resolve(path)).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException("Error resolving artifact " + uri));
            try (InputStream in = Files.newInputStream(file)) {
                repositories.put(uri, parse(in));
            }
        }
    }

    @Override
    public void removeRepository(URI uri) {
        log.add("removeRepository " + uri);
        repositories.remove(uri);
    }

    @Override
    public boolean hasFeature(String name, String version) {
        return repositories.values().stream().flatMap(List::stream).anyMatch(f -> f.name().equals(name) && same(f.version(), version));
    }

    @Override
    public boolean installed(String name, String version) {
        return required.containsKey(name) && same(required.get(name), version);
    }

    @Override
    public void install(Set<String> features) throws Exception {
        log.add("install " + features);
        if (failInstall.test(features)) {
            throw new IllegalStateException("Unable to resolve root: missing requirement [hpf-talks] osgi.wiring.package");
        }
        for (String spec : features) {
            String[] nv = spec.split("/");
            if (!hasFeature(nv[0], nv[1])) {
                throw new IllegalArgumentException("No matching features for " + spec);
            }
        }
        for (String spec : features) {
            String[] nv = spec.split("/");
            required.put(nv[0], nv[1]);
        }
    }

    @Override
    public void uninstall(Set<String> features) {
        log.add("uninstall " + features);
        for (String spec : features) {
            String[] nv = spec.split("/");
            if (installed(nv[0], nv[1])) {
                required.remove(nv[0]);
            }
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && FeatureVersions.clean(a).equals(FeatureVersions.clean(b));
    }
}
