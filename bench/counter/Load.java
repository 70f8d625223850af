import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counter benchmark's load process (a separate JVM): each thread owns a window and loops
 * take-ticket -> call-next -> serve -> finish through the JSON API (HTTP Basic, as every API client).
 * Also measures GET /api/me alone: the cost of authenticating one request.
 *
 * Usage: java Load.java BASE_URL THREADS ITERATIONS FIRST_WINDOW
 */
public class Load {

    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo.staff:Hpf@2026demo".getBytes(StandardCharsets.UTF_8));
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, List<Long>> LAT = new ConcurrentHashMap<>();
    static final List<String> ERRORS = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int threads = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        int firstWindow = Integer.parseInt(args[3]);

        for (int i = 0; i < 3; i++) {
            call("warmup", "GET", base + "/api/me", null); // warm-up, not counted
        }
        LAT.clear();
        for (int i = 0; i < 20; i++) {
            call("auth-only GET /api/me", "GET", base + "/api/me", null);
        }
        List<Long> authOnly = new ArrayList<>(LAT.remove("auth-only GET /api/me"));

        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int window = firstWindow + t;
            Thread w = new Thread(() -> {
                for (int i = 0; i < iterations; i++) {
                    try {
                        call("take-ticket", "POST", base + "/api/counter/tickets", "{\"businessCode\":\"PURCHASE\"}");
                        String called = call("call-next", "POST", base + "/api/counter/windows/" + window + "/call-next", "{}");
                        if (called == null || called.isEmpty()) {
                            continue; // 204: another window took the waiting ticket
                        }
                        String id = field(called, "id");
                        call("serve", "POST", base + "/api/counter/tickets/" + id + "/serve", "{}");
                        call("finish", "POST", base + "/api/counter/tickets/" + id + "/finish", "{}");
                    } catch (Exception e) {
                        ERRORS.add(e.toString());
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Long> all = new ArrayList<>();
        LAT.values().forEach(all::addAll);
        System.out.printf("threads=%d iterations/thread=%d requests=%d errors=%d elapsed=%.1f s%n", threads, iterations, all.size(),
                ERRORS.size(), seconds);
        System.out.printf("throughput: %.1f requests/s, %.2f full cycles (take+call+serve+finish)/s%n", all.size() / seconds,
                LAT.getOrDefault("finish", List.of()).size() / seconds);
        System.out.printf("%-24s %6s %9s %9s %9s%n", "operation", "n", "p50 ms", "p99 ms", "max ms");
        for (String op : List.of("take-ticket", "call-next", "serve", "finish")) {
            print(op, LAT.getOrDefault(op, List.of()));
        }
        print("all counter requests", all);
        print("auth-only GET /api/me", authOnly);
        if (!ERRORS.isEmpty()) {
            System.out.println("first errors: " + ERRORS.subList(0, Math.min(5, ERRORS.size())));
            System.exit(1);
        }
    }

    static void print(String op, List<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.printf("%-24s %6d%n", op, 0);
            return;
        }
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        System.out.printf("%-24s %6d %9.1f %9.1f %9.1f%n", op, s.size(), pct(s, 50), pct(s, 99), s.get(s.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /** One request; the body of a 2xx answer ("" for 204), an exception otherwise. */
    static String call(String op, String method, String url, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", AUTH)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long t = System.nanoTime();
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        LAT.computeIfAbsent(op, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime() - t);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(op + " -> " + r.statusCode() + " " + r.body());
        }
        return r.statusCode() == 204 ? "" : r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
