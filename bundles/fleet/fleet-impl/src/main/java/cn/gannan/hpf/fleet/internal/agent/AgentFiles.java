package cn.gannan.hpf.fleet.internal.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gannan.hpf.fleet.internal.FleetJson;

/**
 * The agent's folder: {@code state.json}, {@code journal.json} (only while an update runs), {@code staging/}
 * (downloads in progress), {@code releases/<version>/} (each verified release's manifest and signature) and
 * {@code backups/}. Files are replaced atomically, so a crash leaves the old or the new content, never half.
 */
public final class AgentFiles {

    private final Path dir;
    private final ObjectMapper json = FleetJson.mapper();

    public AgentFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path staging(String version) {
        return dir.resolve("staging").resolve(version);
    }

    public Path kept(String version) {
        return dir.resolve("releases").resolve(version);
    }

    public Path backups() {
        return dir.resolve("backups");
    }

    public AgentState state() {
        return read("state.json", AgentState.class).orElse(AgentState.EMPTY);
    }

    public void save(AgentState s) {
        write("state.json", s);
    }

    public Optional<Journal> journal() {
        return read("journal.json", Journal.class);
    }

    public void save(Journal j) {
        write("journal.json", j);
    }

    public void clearJournal() {
        try {
            Files.deleteIfExists(dir.resolve("journal.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(f.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private void write(String name, Object value) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
