package cn.gannan.hpf.core.api.spi;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;

/** A module's migration failed; the module must not activate. */
public class MigrationException extends HpfException {

    private static final long serialVersionUID = 1L;

    public MigrationException(Msg msg, Throwable cause) {
        super(msg, cause);
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
