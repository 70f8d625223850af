package cn.gannan.hpf.counter.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The HTTP gateway: POSTs {@code phone}, {@code text} and {@code id} as a UTF-8 form to the
 * configured URL with HTTP Basic credentials (when a username is set). A 2xx answer is delivered;
 * anything else, or no answer within the timeout, is a failed attempt.
 */
final class HttpSmsTransport implements SmsGatewayImpl.SmsTransport {

    private final URI uri;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;

    HttpSmsTransport(String url, String username, String password, Duration timeout) {
        this.uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("SMS gateway URL must be http or https: " + url);
        }
        this.authorization = username == null || username.isBlank() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http:" + uri.getHost();
    }

    @Override
    public void deliver(String id, String phone, String text) throws Exception {
        String form = "phone=" + enc(phone) + "&text=" + enc(text) + "&id=" + enc(id);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String body = r.body() == null ? "" : r.body();
            throw new IllegalStateException("HTTP " + r.statusCode() + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
