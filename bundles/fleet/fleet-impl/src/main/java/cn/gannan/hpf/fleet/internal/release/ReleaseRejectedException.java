package cn.gannan.hpf.fleet.internal.release;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;

/** A release (or its signature, manifest or one of its files) does not pass verification; nothing was installed. */
public class ReleaseRejectedException extends HpfException {

    private static final long serialVersionUID = 1L;

    public ReleaseRejectedException(Msg msg) {
        super(msg);
    }

    public ReleaseRejectedException(Msg msg, Throwable cause) {
        super(msg, cause);
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
