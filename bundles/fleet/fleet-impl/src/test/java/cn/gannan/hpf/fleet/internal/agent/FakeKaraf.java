package cn.gannan.hpf.fleet.internal.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gannan.hpf.fleet.internal.release.FeatureVersions;
import cn.gannan.hpf.fleet.internal.release.FeaturesRepository;
import cn.gannan.hpf.fleet.internal.release.FeaturesRepository.FeatureDef;
import cn.gannan.hpf.fleet.internal.release.MavenPaths;
import cn.gannan.hpf.fleet.internal.release.TestRepos;

/**
 * Karaf's features as far as the agent sees them: a repository is read the way Karaf's resolver would, from the
 * Maven-layout folders under the kar folder (so a release the agent did not put there cannot be used), and every
 * requirement of an update must be met by the repositories of that update.
 */
final class FakeKaraf implements Provisioning {

    final Path kar;
    final Map<URI, List<FeatureDef>> repositories = new LinkedHashMap<>();
    /** What the node's system folder holds: the release it was installed with. */
    private final Map<URI, List<FeatureDef>> system = new LinkedHashMap<>();
    Map<String, Set<String>> requirements = new HashMap<>();
    final List<String> log = new ArrayList<>();
    Predicate<Set<String>> failUpdate = s -> false;

    FakeKaraf(Path kar, String running, String... modules) throws IOException {
        this.kar = kar;
        URI uri = product(running);
        system.put(uri, parse(new ByteArrayInputStream(TestRepos.productXml(running).getBytes(StandardCharsets.UTF_8))));
        repositories.putAll(system);
        Set<String> root = new LinkedHashSet<>();
        root.add(Requirements.of("hpf-core", running));
        for (String m : modules) {
            root.add(Requirements.of(m, running));
        }
        root.add("feature:scr/[4.4.10,4.4.10]");
        requirements.put(Requirements.ROOT, root);
    }

    static URI product(String version) {
        return URI.create("mvn:cn.gannan.hpf/hpf-features/" + version + "/xml/features");
    }

    private static List<FeatureDef> parse(InputStream in) throws IOException {
        return FeaturesRepository.parse(in).features();
    }

    /** The product features required now: name to version. */
    Map<String, String> product() {
        Map<String, String> out = new TreeMap<>();
        requirements.getOrDefault(Requirements.ROOT, Set.of()).forEach(r -> Requirements.parse(r)
                .filter(f -> f.name().startsWith("hpf-")).ifPresent(f -> out.put(f.name(), f.version())));
        return out;
    }

    @Override
    public Set<URI> repositories() {
        return new LinkedHashSet<>(repositories.keySet());
    }

    @Override
    public Map<String, Set<String>> requirements() {
        Map<String, Set<String>> copy = new HashMap<>();
        requirements.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
        return copy;
    }

    private List<FeatureDef> load(URI uri) throws IOException {
        if (system.containsKey(uri)) {
            return system.get(uri);
        }
        String path = MavenPaths.path(uri.toString());
        try (Stream<Path> dirs = Files.list(kar)) {
            Path file = dirs.map(d -> d.resolve(path)).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException("Error resolving artifact " + uri));
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in);
            }
        }
    }

    @Override
    public Set<String> features(URI repository) throws IOException {
        return load(repository).stream().map(f -> f.name() + "/" + f.version()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void update(Set<URI> repos, Map<String, Set<String>> reqs) throws Exception {
        Map<URI, List<FeatureDef>> loaded = new LinkedHashMap<>();
        for (URI u : repos) {
            loaded.put(u, load(u));
        }
        Set<String> root = reqs.getOrDefault(Requirements.ROOT, Set.of());
        log.add("update " + repos.stream().map(u -> MavenPaths.path(u.toString()).replaceAll(".*/", "")).toList() + " "
                + root.stream().map(r -> Requirements.parse(r).map(f -> f.name() + "/" + f.version()).orElse(r)).sorted().toList());
        if (failUpdate.test(root)) {
            throw new IllegalStateException("Unable to resolve root: missing requirement [hpf-talks] osgi.wiring.package");
        }
        for (String r : root) {
            Requirements.Feature f = Requirements.parse(r).orElseThrow();
            if (!f.name().startsWith("hpf-")) {
                continue;
            }
            boolean found = loaded.values().stream().flatMap(List::stream).anyMatch(d -> d.name().equals(f.name()) && same(d.version(), f.version()));
            if (!found) {
                throw new IllegalArgumentException("No matching features for " + f.name() + "/" + f.version());
            }
        }
        repositories.clear();
        repositories.putAll(loaded);
        requirements = new HashMap<>();
        reqs.forEach((k, v) -> requirements.put(k, new LinkedHashSet<>(v)));
    }

    @Override
    public Optional<URI> repositoryOf(String featureName) {
        String v = product().get(featureName);
        return repositories.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(f -> f.name().equals(featureName) && same(f.version(), v)))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public boolean installed(String name, String version) {
        return same(product().get(name), version);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && FeatureVersions.clean(a).equals(FeatureVersions.clean(b));
    }
}
