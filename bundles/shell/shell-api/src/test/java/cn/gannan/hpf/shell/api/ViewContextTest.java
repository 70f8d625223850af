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

import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.server.VaadinSession;
import com.vaadin.ui.Button;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;

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

    /** A UI of a session, as the shell's servlet would have it, so windows can be added. */
    private static UI currentUi() {
        VaadinService service = org.mockito.Mockito.mock(VaadinService.class);
        int[] ids = new int[1];
        org.mockito.Mockito.when(service.generateConnectorId(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> String.valueOf(++ids[0]));
        VaadinSession session = new VaadinSession(service) {
            @Override
            public boolean hasLock() {
                return true;
            }
        };
        UI ui = new UI() {
            @Override
            protected void init(VaadinRequest request) {
            }
        };
        ui.setSession(session);
        UI.setCurrent(ui);
        return ui;
    }

    private static Button button(Window w, String id) {
        java.util.ArrayDeque<com.vaadin.ui.Component> todo = new java.util.ArrayDeque<>(List.of(w));
        while (!todo.isEmpty()) {
            com.vaadin.ui.Component c = todo.pop();
            if (id.equals(c.getId())) {
                return (Button) c;
            }
            if (c instanceof com.vaadin.ui.HasComponents h) {
                h.forEach(todo::push);
            }
        }
        throw new AssertionError("no " + id + " in the dialog");
    }

    @Test
    public void aConfirmationRunsTheActionOnlyOnYesAndShowsItsFailure() {
        UI ui = currentUi();
        try {
            int[] ran = new int[1];
            Window asked = ctx.confirm("talks-confirm", "删除", "确定删除这条谈话记录吗？", () -> ran[0]++);
            assertEquals("talks-confirm", asked.getId());
            assertTrue(ui.getWindows().contains(asked));
            assertTrue(asked.isModal());
            assertEquals("确定", button(asked, "talks-confirm-yes").getCaption());
            assertEquals("取消", button(asked, "talks-confirm-no").getCaption());
            button(asked, "talks-confirm-no").click();
            assertEquals("cancel does nothing", 0, ran[0]);
            assertFalse(ui.getWindows().contains(asked));

            Window again = ctx.confirm("talks-confirm", "删除", "确定删除这条谈话记录吗？", () -> ran[0]++);
            button(again, "talks-confirm-yes").click();
            assertEquals(1, ran[0]);
            assertFalse(ui.getWindows().contains(again));

            IllegalStateException refused = new IllegalStateException("refused");
            Window failing = ctx.confirm("x", "t", "q", () -> {
                throw refused;
            });
            button(failing, "x-yes").click();
            assertEquals("the failure is shown, not thrown", List.of(refused), shown);
        } finally {
            UI.setCurrent(null);
        }
    }

    @Test
    public void theDialogTextsExistInBothLanguages() {
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Locale.ROOT)) {
            java.util.ResourceBundle b = java.util.ResourceBundle.getBundle("cn.gannan.hpf.shell.api.Dialogs", l);
            assertEquals(java.util.Set.of("confirm.yes", "confirm.no"), b.keySet());
        }
        assertEquals("Confirm", java.util.ResourceBundle.getBundle("cn.gannan.hpf.shell.api.Dialogs", Locale.ENGLISH).getString("confirm.yes"));
    }
}
