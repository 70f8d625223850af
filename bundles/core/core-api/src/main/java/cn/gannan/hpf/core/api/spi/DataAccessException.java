package cn.gannan.hpf.core.api.spi;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;

/** The database failed; the transaction was rolled back. Shown as a generic error with a reference. */
public class DataAccessException extends HpfException {

    private static final long serialVersionUID = 1L;

    private final String reference;

    public DataAccessException(String reference, Throwable cause) {
        super(Msg.core("error.internal", reference), cause);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
