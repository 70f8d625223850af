package cn.gannan.hpf.shell.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Locale;

import org.junit.Test;

import cn.gannan.hpf.core.api.AuthenticationException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.StaleRecordException;

public class ErrorMessagesTest {

    @Test
    public void refusalShowsItsLocalizedMessage() {
        UserMessage zh = ErrorMessages.toUserMessage(new AuthenticationException(Msg.core("error.login.failed")), Texts.ZH_CN);
        assertEquals("用户名或密码错误。", zh.text());
        assertTrue(zh.refusal());
        assertNull(zh.referenceId());
        UserMessage en = ErrorMessages.toUserMessage(new StaleRecordException(Msg.core("error.stale")), Locale.ENGLISH);
        assertTrue(en.refusal());
        assertFalse(en.text().isBlank());
        assertFalse(en.text().equals("error.stale"));
    }

    @Test
    public void wrappedRefusalIsFound() {
        RuntimeException wrapped = new RuntimeException("listener failed",
                new AuthenticationException(Msg.core("error.login.failed")));
        assertEquals("用户名或密码错误。", ErrorMessages.toUserMessage(wrapped, Texts.ZH_CN).text());
    }

    @Test
    public void anythingElseIsGenericWithReference() {
        UserMessage m = ErrorMessages.toUserMessage(new IllegalStateException("secret detail at Foo.java:12"), Texts.ZH_CN);
        assertFalse(m.refusal());
        assertNotNull(m.referenceId());
        assertEquals(8, m.referenceId().length());
        assertTrue(m.text().contains(m.referenceId()));
        assertTrue(m.text().startsWith("请求未能完成"));
        assertFalse(m.text().contains("secret"));
        UserMessage en = ErrorMessages.toUserMessage(new NullPointerException(), Locale.ENGLISH);
        assertTrue(en.text().startsWith("The request could not be completed"));
    }
}
