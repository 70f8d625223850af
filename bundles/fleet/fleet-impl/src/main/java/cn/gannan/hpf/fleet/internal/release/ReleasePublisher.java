package cn.gannan.hpf.fleet.internal.release;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.fleet.api.ReleaseArtifact;
import cn.gannan.hpf.fleet.api.ReleaseManifest;
import cn.gannan.hpf.fleet.internal.release.FeaturesRepository.Dependency;
import cn.gannan.hpf.fleet.internal.release.FeaturesRepository.FeatureDef;

/**
 * Publishes a release: reads the product features repository of a version from Maven-layout source folders,
 * follows its nested repositories and the dependencies of its features, and copies the repositories and every
 * artifact those features install into {@code <releases>/<version>/repository/}, hashing each copy; then writes
 * the manifest and its signature. The release folder appears only complete (it is assembled under a temporary
 * name and renamed), and an existing version is never overwritten.
 */
public final class ReleasePublisher {

    /** The product's features repository; {@code {version}} is replaced. */
    public static final String DEFAULT_FEATURES = "mvn:cn.gannan.hpf/hpf-features/{version}/xml/features";
    private static final int MAX_LISTED = 5;

    private final List<Path> sources;
    private final Path releasesDir;

    public ReleasePublisher(List<Path> sources, Path releasesDir) {
        this.sources = List.copyOf(sources);
        this.releasesDir = releasesDir;
    }

    /** The folder of a published release. */
    public Path releaseDir(String version) {
        return releasesDir.resolve(version);
    }

    /**
     * @param featuresTemplate the features repository URI with {@code {version}} in it
     * @throws HpfException when the version is unusable or exists, or anything the release needs is missing
     */
    public ReleaseManifest publish(String version, String featuresTemplate, PrivateKey key, String keyId, Instant now) {
        if (!ManifestFormat.validVersion(version)) {
            throw new HpfException(msg("error.release.version", version == null ? "" : version));
        }
        Path target = releaseDir(version);
        if (Files.exists(target)) {
            throw new HpfException(msg("error.release.exists", version));
        }
        String featuresUri = featuresTemplate.replace("{version}", version);
        if (!ManifestFormat.FEATURES_URI.matcher(featuresUri).matches()) {
            throw new HpfException(msg("error.release.featuresUri", featuresUri));
        }
        Map<String, Path> files = collect(featuresUri);
        Path staging = releasesDir.resolve(".staging-" + version + "-" + System.nanoTime());
        try {
            Files.createDirectories(releasesDir);
            List<ReleaseArtifact> artifacts = new ArrayList<>();
            Path repo = ReleaseLayout.repository(staging);
            for (Map.Entry<String, Path> e : files.entrySet()) {
                artifacts.add(copy(e.getValue(), repo, e.getKey()));
            }
            ReleaseManifest m = new ReleaseManifest(ManifestFormat.FORMAT, version, featuresUri, keyId,
                    now.truncatedTo(ChronoUnit.SECONDS), artifacts);
            byte[] text = ManifestFormat.write(m);
            Files.write(ReleaseLayout.manifest(staging), text);
            Files.write(ReleaseLayout.signature(staging), ReleaseSignature.sign(text, key, keyId));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return ManifestFormat.parse(text);
        } catch (IOException e) {
            throw new HpfException(msg("error.release.write", target, e.getMessage()), e);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Repository path to source file of everything the release needs, in a stable order.
     *
     * @throws HpfException listing what cannot be found
     */
    Map<String, Path> collect(String featuresUri) {
        String rootPath = MavenPaths.path(featuresUri);
        if (find(rootPath).isEmpty()) {
            throw new HpfException(msg("error.publish.noRepository", featuresUri, sourceList()));
        }
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, List<FeatureDef>> index = new HashMap<>();
        List<FeatureDef> roots = new ArrayList<>();
        // every repository reachable from the product's, read once; nested ones this node lacks are left out
        Deque<String> repoQueue = new ArrayDeque<>(List.of(featuresUri));
        Set<String> seenRepos = new LinkedHashSet<>();
        while (!repoQueue.isEmpty()) {
            String uri = repoQueue.poll();
            if (!seenRepos.add(uri)) {
                continue;
            }
            String path;
            try {
                path = MavenPaths.path(uri);
            } catch (IllegalArgumentException e) {
                if (uri.equals(featuresUri)) {
                    problems.add(uri);
                }
                continue;
            }
            Optional<Path> file = find(path);
            if (file.isEmpty()) {
                continue; // a dependency into it is reported below
            }
            FeaturesRepository repo;
            try (InputStream in = Files.newInputStream(file.get())) {
                repo = FeaturesRepository.parse(in);
            } catch (IOException e) {
                throw new HpfException(msg("error.publish.badRepository", uri, e.getMessage()), e);
            }
            files.put(path, file.get());
            for (FeatureDef f : repo.features()) {
                index.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f);
            }
            if (uri.equals(featuresUri)) {
                roots.addAll(repo.features());
            }
            repoQueue.addAll(repo.repositories());
        }
        // the product's features and everything they depend on
        Deque<FeatureDef> queue = new ArrayDeque<>(roots);
        Set<String> done = new LinkedHashSet<>();
        Map<String, Path> artifacts = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            FeatureDef f = queue.poll();
            if (!done.add(f.name() + "/" + f.version())) {
                continue;
            }
            for (String url : f.artifacts()) {
                try {
                    String path = MavenPaths.path(url);
                    Optional<Path> file = find(path);
                    if (file.isPresent()) {
                        artifacts.putIfAbsent(path, file.get());
                    } else {
                        problems.add(url + " (" + f.name() + ")");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(url + " (" + f.name() + ")");
                }
            }
            for (Dependency d : f.dependencies()) {
                Optional<FeatureDef> match = index.getOrDefault(d.name(), List.of()).stream()
                        .filter(c -> FeatureVersions.satisfies(d.version(), c.version()))
                        .max(Comparator.comparing(c -> FeatureVersions.clean(c.version())));
                if (match.isPresent()) {
                    queue.add(match.get());
                } else {
                    problems.add("feature " + d.name() + (d.version() == null ? "" : "/" + d.version()) + " (" + f.name() + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            List<String> unique = problems.stream().distinct().toList();
            String shown = unique.stream().limit(MAX_LISTED).collect(Collectors.joining("; "));
            throw new HpfException(msg("error.publish.missing", unique.size(), shown, sourceList()));
        }
        artifacts.forEach(files::putIfAbsent);
        return files;
    }

    private Optional<Path> find(String path) {
        for (Path s : sources) {
            Path f = ReleaseLayout.artifact(s, path);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private String sourceList() {
        return sources.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static ReleaseArtifact copy(Path from, Path repo, String path) throws IOException {
        Path to = ReleaseLayout.artifact(repo, path);
        Files.createDirectories(to.getParent());
        MessageDigest md = Hashing.sha256();
        long size;
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = new DigestOutputStream(Files.newOutputStream(to), md)) {
            size = in.transferTo(out);
        }
        return new ReleaseArtifact(path, size, Hashing.hex(md.digest()));
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover staging folder is harmless: it is never read and has a unique name
        }
    }
}
