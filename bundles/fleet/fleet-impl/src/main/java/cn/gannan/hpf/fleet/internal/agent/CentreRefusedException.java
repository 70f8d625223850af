package cn.gannan.hpf.fleet.internal.agent;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;

/** The centre answered, and refused (e.g. the office's credential was revoked). */
public class CentreRefusedException extends HpfException {

    private static final long serialVersionUID = 1L;

    public CentreRefusedException(Msg msg) {
        super(msg);
    }
}
