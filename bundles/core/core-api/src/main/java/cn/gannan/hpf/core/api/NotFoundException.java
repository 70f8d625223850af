package cn.gannan.hpf.core.api;

/** The record does not exist or is not visible to the caller. */
public class NotFoundException extends HpfException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(Msg msg) {
        super(msg);
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
