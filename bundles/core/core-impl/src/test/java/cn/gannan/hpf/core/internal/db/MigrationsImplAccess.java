package cn.gannan.hpf.core.internal.db;

import java.util.List;

/** Opens the package-private script splitter to tests in other packages. */
public final class MigrationsImplAccess {

    private MigrationsImplAccess() {
    }

    public static List<String> split(String text) {
        return MigrationsImpl.split(text);
    }
}
