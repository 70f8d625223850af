package cn.gannan.hpf.core.api;

/** The credentials were refused: wrong, empty, locked or disabled. */
public class AuthenticationException extends HpfException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(Msg msg) {
        super(msg);
    }

    @Override
    public int httpStatus() {
        return 401;
    }
}
