package cn.gannan.hpf.fleet.commands.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.fleet.api.ReleaseService;
import cn.gannan.hpf.fleet.api.SigningKey;

@Command(scope = "hpf", name = "release-keygen", description = "Generates the centre's release signing key pair; prints the public key for the counties (centre)")
@Service
public class ReleaseKeygenCommand extends FleetAction {

    @Reference(optional = true)
    ReleaseService releases;

    @Option(name = "--replace", description = "Replace an existing key (every county must then get the new public key)")
    boolean replace;

    @Option(name = "--show", description = "Only show the current public key")
    boolean show;

    @Override
    protected Object run(Caller caller) throws Refused {
        centre(releases);
        SigningKey k;
        if (show) {
            k = releases.signingKey(caller).orElse(null);
            if (k == null) {
                System.out.println("No signing key yet: run hpf:release-keygen.");
                return null;
            }
        } else {
            k = releases.generateKey(caller, replace);
            System.out.println("Generated an Ed25519 release signing key; the private key stays in " + k.privateKeyFile());
        }
        System.out.println("Key id:     " + k.keyId());
        System.out.println("Public key: " + k.publicKey());
        System.out.println("On each county node: config:property-set -p cn.gannan.hpf.fleet.agent publicKey " + k.publicKey());
        return null;
    }
}
