package cn.gannan.hpf.core.api;

/** Someone else changed the record since it was read (optimistic locking). */
public class StaleRecordException extends HpfException {

    private static final long serialVersionUID = 1L;

    public StaleRecordException(Msg msg) {
        super(msg);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
