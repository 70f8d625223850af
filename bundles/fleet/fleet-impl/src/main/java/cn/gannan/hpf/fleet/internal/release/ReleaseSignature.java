package cn.gannan.hpf.fleet.internal.release;

import static cn.gannan.hpf.fleet.internal.FleetMessages.msg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The detached signature of a manifest: one line {@code ed25519 <key id> <Base64 signature>} over the manifest's
 * exact bytes.
 */
public final class ReleaseSignature {

    public static final String PREFIX = "ed25519";

    private ReleaseSignature() {
    }

    public static byte[] sign(byte[] manifest, PrivateKey key, String keyId) {
        try {
            Signature s = Signature.getInstance(ReleaseKeys.ALGORITHM);
            s.initSign(key);
            s.update(manifest);
            return (PREFIX + " " + keyId + " " + Base64.getEncoder().encodeToString(s.sign()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the signature file against the manifest bytes and the trusted public key.
     *
     * @throws ReleaseRejectedException when the file is malformed, names another key, or does not verify
     */
    public static void verify(byte[] manifest, byte[] signatureFile, PublicKey trusted) {
        String text = new String(signatureFile, StandardCharsets.US_ASCII);
        String[] f = text.strip().split(" ");
        if (signatureFile.length > 1024 || f.length != 3 || !f[0].equals(PREFIX)) {
            throw new ReleaseRejectedException(msg("error.signature.malformed"));
        }
        String trustedId = ReleaseKeys.keyId(trusted);
        if (!f[1].equals(trustedId)) {
            throw new ReleaseRejectedException(msg("error.signature.otherKey", f[1], trustedId));
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(f[2]);
        } catch (IllegalArgumentException e) {
            throw new ReleaseRejectedException(msg("error.signature.malformed"), e);
        }
        boolean ok;
        try {
            Signature s = Signature.getInstance(ReleaseKeys.ALGORITHM);
            s.initVerify(trusted);
            s.update(manifest);
            ok = s.verify(sig);
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            throw new ReleaseRejectedException(msg("error.signature.invalid", trustedId));
        }
    }
}
