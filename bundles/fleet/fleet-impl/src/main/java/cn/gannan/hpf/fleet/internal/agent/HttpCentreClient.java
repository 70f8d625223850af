package cn.gannan.hpf.fleet.internal.agent;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gannan.hpf.fleet.api.DesiredState;
import cn.gannan.hpf.fleet.api.Heartbeat;
import cn.gannan.hpf.fleet.internal.FleetJson;
import cn.gannan.hpf.fleet.internal.release.ManifestFormat;

/**
 * The centre's {@code /fleet/v1/} endpoint over HTTP(S), with the office's bearer token. Connections and reads time
 * out (a link that stalls counts as down); a download continues with a byte range after what its {@code .part}
 * file already holds.
 */
public final class HttpCentreClient implements CentreClient {

    private final String base;
    private final String token;
    private final int connectMillis;
    private final int readMillis;
    private final ObjectMapper json = FleetJson.mapper();

    /** @param centreUrl the centre's base URL, e.g. {@code https://centre.example:8443} */
    public HttpCentreClient(String centreUrl, String token, Duration connectTimeout, Duration readTimeout) {
        String b = centreUrl.strip();
        this.base = (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/fleet/v1/";
        this.token = token;
        this.connectMillis = (int) connectTimeout.toMillis();
        this.readMillis = (int) readTimeout.toMillis();
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(connectMillis);
        c.setReadTimeout(readMillis);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Accept-Language", "zh-CN");
        return c;
    }

    @Override
    public DesiredState heartbeat(Heartbeat heartbeat) throws IOException {
        HttpURLConnection c = open("heartbeat", "POST");
        try {
            byte[] body = json.writeValueAsBytes(heartbeat);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            check(c, 200);
            try (InputStream in = c.getInputStream()) {
                return json.readValue(in, DesiredState.class);
            }
        } finally {
            c.disconnect();
        }
    }

    @Override
    public byte[] small(String version, String file) throws IOException {
        HttpURLConnection c = open("releases/" + version + "/" + file, "GET");
        try {
            check(c, 200);
            try (InputStream in = c.getInputStream()) {
                byte[] b = in.readNBytes(ManifestFormat.MAX_BYTES + 1);
                if (b.length > ManifestFormat.MAX_BYTES) {
                    throw new IOException(file + " of release " + version + " is larger than " + ManifestFormat.MAX_BYTES + " bytes");
                }
                return b;
            }
        } finally {
            c.disconnect();
        }
    }

    @Override
    public void download(String version, String path, Path part, long size) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (have == size) {
            return;
        }
        HttpURLConnection c = open("releases/" + version + "/repository/" + path, "GET");
        try {
            if (have > 0) {
                c.setRequestProperty("Range", "bytes=" + have + "-");
            }
            int status = c.getResponseCode();
            boolean append;
            if (status == 206 && have > 0) {
                append = true;
            } else if (status == 200) {
                append = false; // the whole file again
            } else {
                check(c, 200);
                return;
            }
            try (InputStream in = c.getInputStream();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[65536];
                long total = append ? have : 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    total += n;
                    if (total > size) {
                        throw new IOException(path + " is longer than the " + size + " bytes the manifest lists");
                    }
                }
            }
        } finally {
            c.disconnect();
        }
        if (Files.size(part) != size) {
            throw new IOException(path + ": the download ended after " + Files.size(part) + " of " + size + " bytes");
        }
    }

    private void check(HttpURLConnection c, int expected) throws IOException {
        int status = c.getResponseCode();
        if (status == expected) {
            return;
        }
        String detail = "";
        try (InputStream err = c.getErrorStream()) {
            if (err != null) {
                Map<?, ?> problem = json.readValue(new String(err.readNBytes(16384), StandardCharsets.UTF_8), Map.class);
                detail = String.valueOf(problem.get("detail"));
            }
        } catch (IOException e) {
            detail = "";
        }
        if (status == 401 || status == 403) {
            throw new CentreRefusedException(msg("error.agent.refused", status, detail));
        }
        throw new IOException("the centre answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
    }
}
