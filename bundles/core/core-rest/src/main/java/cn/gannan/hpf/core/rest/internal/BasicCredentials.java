package cn.gannan.hpf.core.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * An HTTP Basic {@code Authorization} header (RFC 7617, UTF-8). {@link #parse} answers
 * {@link #ABSENT} when there is no Basic header, {@link #MALFORMED} when it cannot be decoded;
 * otherwise the username and password. The caller wipes the password.
 */
public final class BasicCredentials {

    public static final BasicCredentials ABSENT = new BasicCredentials(null, null);
    public static final BasicCredentials MALFORMED = new BasicCredentials(null, null);

    private static final String SCHEME = "basic";

    private final String username;
    private final char[] password;

    private BasicCredentials(String username, char[] password) {
        this.username = username;
        this.password = password;
    }

    public static BasicCredentials parse(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!SCHEME.equals(scheme)) {
            return ABSENT; // another scheme (e.g. Bearer): not ours, answer as if missing
        }
        String token = space < 0 ? "" : h.substring(space + 1).strip();
        if (token.isEmpty()) {
            return MALFORMED;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return MALFORMED;
        }
        char[] chars;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer cb = decoder.decode(ByteBuffer.wrap(raw));
            chars = new char[cb.remaining()];
            cb.get(chars);
            Arrays.fill(cb.array(), '\0');
        } catch (CharacterCodingException e) {
            return MALFORMED;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        int colon = -1;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            Arrays.fill(chars, '\0');
            return MALFORMED;
        }
        String user = new String(chars, 0, colon);
        char[] pw = Arrays.copyOfRange(chars, colon + 1, chars.length);
        Arrays.fill(chars, '\0');
        return new BasicCredentials(user, pw);
    }

    public boolean present() {
        return this != ABSENT && this != MALFORMED;
    }

    public String username() {
        return username;
    }

    /** The password; {@link cn.gannan.hpf.core.api.AuthenticationService#login} wipes it. */
    public char[] password() {
        return password;
    }

    public void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
