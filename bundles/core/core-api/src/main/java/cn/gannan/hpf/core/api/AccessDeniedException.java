package cn.gannan.hpf.core.api;

/** The caller may not do this: wrong role or another office. */
public class AccessDeniedException extends HpfException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(Msg msg) {
        super(msg);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
