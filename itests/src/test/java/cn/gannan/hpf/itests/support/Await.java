package cn.gannan.hpf.itests.support;

import java.util.function.Supplier;

/** Polling instead of sleeping: waits until a check reports no problems. */
public final class Await {

    /** The default wait for a node-side condition. */
    public static final long DEFAULT_MS = 60_000;

    private Await() {
    }

    /**
     * Polls {@code problems} every 250 ms until it returns "" or the time is up.
     *
     * @return "" when the condition holds, otherwise the last problems (also printed to stderr)
     */
    public static String until(String what, Supplier<String> problems, long timeoutMs) {
        long end = System.currentTimeMillis() + timeoutMs;
        String last;
        while (true) {
            try {
                last = problems.get();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            if (last.isEmpty() || System.currentTimeMillis() > end) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!last.isEmpty()) {
            System.err.println("Gave up waiting " + timeoutMs / 1000 + " s for " + what + ": " + last);
        }
        return last;
    }

    /** {@link #until(String, Supplier, long)} with {@link #DEFAULT_MS}. */
    public static String until(String what, Supplier<String> problems) {
        return until(what, problems, DEFAULT_MS);
    }
}
