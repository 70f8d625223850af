package cn.gannan.hpf.shell.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;

import com.vaadin.ui.TextField;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.ValidationException;

public class ViewContextTest {

    private final List<Throwable> shown = new ArrayList<>();
    private final ViewContext ctx = new ViewContext() {
        @Override
        public Caller caller() {
            return Caller.system("GN01");
        }

        @Override
        public Locale locale() {
            return Locale.SIMPLIFIED_CHINESE;
        }

        @Override
        public String msg(String key, Object... args) {
            return key;
        }

        @Override
        public void navigate(String viewIdAndParameters) {
        }

        @Override
        public void showError(Throwable error) {
            shown.add(error);
        }

        @Override
        public void notifySuccess(String text) {
        }
    };

    @Test
    public void fieldErrorsGoNextToTheirFieldsNestedOnesToTheirRoot() {
        TextField name = new TextField();
        TextField topics = new TextField();
        TextField untouched = new TextField();
        untouched.setComponentError(new com.vaadin.server.UserError("old"));
        Map<String, TextField> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("topics", topics);
        fields.put("place", untouched);
        Map<String, Msg> errors = new LinkedHashMap<>();
        errors.put("name", Msg.core("error.field.required"));
        errors.put("topics[2].title", Msg.core("error.field.required"));
        ValidationException refusal = new ValidationException(Msg.core("error.field.required"), errors);

        assertFalse(ctx.save(() -> {
            throw refusal;
        }, fields));
        assertNotNull(name.getComponentError());
        assertNotNull("a nested error lands on its root field", topics.getComponentError());
        assertNull("earlier errors are cleared", untouched.getComponentError());
        assertEquals(List.of(refusal), shown);
    }

    @Test
    public void runShowsAFailureAndSaysSo() {
        assertTrue(ctx.run(() -> {
        }));
        IllegalStateException boom = new IllegalStateException("x");
        assertFalse(ctx.run(() -> {
            throw boom;
        }));
        assertEquals(List.of(boom), shown);
    }
}
