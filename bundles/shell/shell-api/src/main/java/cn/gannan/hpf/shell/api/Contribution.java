package cn.gannan.hpf.shell.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Common part of every contribution: where its texts come from. */
@ConsumerType
public interface Contribution {

    /** Base name of the module's resource bundle (zh_CN and en). */
    String messagesBaseName();

    /** The class loader that holds that bundle; the contribution's own by default. */
    default ClassLoader messagesLoader() {
        return getClass().getClassLoader();
    }
}
