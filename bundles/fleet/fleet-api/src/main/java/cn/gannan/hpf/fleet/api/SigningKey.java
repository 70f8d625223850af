package cn.gannan.hpf.fleet.api;

import java.time.Instant;

/**
 * The centre's release signing key (Ed25519). Only the public half leaves the centre's node.
 *
 * @param keyId          first 16 hex digits of the SHA-256 of the public key
 * @param publicKey      the public key, X.509 encoded, Base64: the value of {@code publicKey} in each county's
 *                       agent configuration
 * @param privateKeyFile where the private key is kept on this node (owner-only permissions)
 */
public record SigningKey(String keyId, String publicKey, Instant created, String privateKeyFile) {
}
