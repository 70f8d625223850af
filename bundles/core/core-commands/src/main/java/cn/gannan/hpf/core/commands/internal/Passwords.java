package cn.gannan.hpf.core.commands.internal;

import java.io.IOException;
import java.util.Arrays;

import org.apache.karaf.shell.api.console.Session;

/** Reads a password from the option or, twice, from the terminal without echo. */
final class Passwords {

    private Passwords() {
    }

    static char[] obtain(Session session, String fromOption) throws IOException {
        if (fromOption != null) {
            return fromOption.toCharArray();
        }
        String first = session.readLine("Password: ", '*');
        String second = session.readLine("Repeat password: ", '*');
        if (first == null || !first.equals(second)) {
            System.err.println("Error: the two passwords differ.");
            return null;
        }
        char[] pw = first.toCharArray();
        Arrays.fill(second.toCharArray(), '\0');
        return pw;
    }
}
