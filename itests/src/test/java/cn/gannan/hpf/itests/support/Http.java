package cn.gannan.hpf.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP client for the node's JSON API and pages: Basic credentials as {@code "user:password"},
 * {@code Accept-Language: zh-CN} unless told otherwise, no redirects followed. I/O failures come back as
 * status -1 so a test can poll with it.
 */
public final class Http {

    public static final String DEMO_PASSWORD = "Hpf@2026demo";

    private final String base;
    private final String language;

    /** @param base e.g. {@code http://localhost:8281} */
    public Http(String base) {
        this(base, "zh-CN");
    }

    public Http(String base, String language) {
        this.base = base;
        this.language = language;
    }

    /** The same node, another Accept-Language. */
    public Http withLanguage(String acceptLanguage) {
        return new Http(base, acceptLanguage);
    }

    public String base() {
        return base;
    }

    /** {@code "demo.admin:Hpf@2026demo"} for a demo user. */
    public static String demo(String user) {
        return user + ":" + DEMO_PASSWORD;
    }

    public Resp get(String path, String credentials) {
        return send("GET", path, credentials, null);
    }

    public Resp post(String path, String credentials, String json) {
        return send("POST", path, credentials, json);
    }

    public Resp put(String path, String credentials, String json) {
        return send("PUT", path, credentials, json);
    }

    public Resp delete(String path, String credentials) {
        return send("DELETE", path, credentials, null);
    }

    /** Sends a request; {@code json} (may be null) goes as the UTF-8 body with content type application/json. */
    public Resp send(String method, String path, String credentials, String json) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(base + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(5_000);
            c.setReadTimeout(30_000);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept-Language", language);
            if (credentials != null) {
                c.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] bytes = new byte[0];
            if (in != null) {
                try (InputStream i = in) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    i.transferTo(buf);
                    bytes = buf.toByteArray();
                }
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            c.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    headers.put(k, v);
                }
            });
            return new Resp(status, c.getContentType(), bytes, headers);
        } catch (IOException e) {
            return new Resp(-1, null, e.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** A response; {@link #body} is the UTF-8 text, {@link #bytes} the raw body (for .xlsx or PDF). */
    public static final class Resp {
        public final int status;
        public final String contentType;
        public final byte[] bytes;
        public final String body;
        public final Map<String, List<String>> headers;

        Resp(int status, String contentType, byte[] bytes, Map<String, List<String>> headers) {
            this.status = status;
            this.contentType = contentType;
            this.bytes = bytes;
            this.body = new String(bytes, StandardCharsets.UTF_8);
            this.headers = headers;
        }

        /** Asserts the status, showing the whole response when it differs; returns this. */
        public Resp expect(int expected) {
            assertEquals(toString(), expected, status);
            return this;
        }

        @Override
        public String toString() {
            String b = body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
            return status + " " + contentType + " " + b;
        }
    }

    /** Asserts an {@code application/problem+json} body with a status. */
    public static void assertProblem(Resp r) {
        assertNotNull("no content type: " + r, r.contentType);
        assertTrue("not problem+json: " + r, r.contentType.startsWith("application/problem+json"));
        assertTrue("no status in problem: " + r, r.body.contains("\"status\""));
    }

    /** The first string value of {@code "field": "…"} in a JSON text, or null. */
    public static String jsonString(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** The first number value of {@code "field": n} in a JSON text; fails the test when there is none. */
    public static long jsonLong(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        assertTrue("no number \"" + field + "\" in " + json, m.find());
        return Long.parseLong(m.group(1));
    }

    /** How often {@code regex} matches in {@code text}. */
    public static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
