package cn.gannan.hpf.shell.ui.internal;

import com.vaadin.server.ClientConnector;
import com.vaadin.server.ServerRpcMethodInvocation;
import com.vaadin.server.VaadinSession;
import com.vaadin.server.communication.ServerRpcHandler;
import com.vaadin.server.communication.UidlRequestHandler;
import com.vaadin.shared.ui.ui.UIServerRpc;
import com.vaadin.ui.UI;

/**
 * When the person last did something. Polling (for live menu updates) is a request every few
 * seconds and would keep the HTTP session alive forever, so the shell times sessions out itself:
 * every RPC except the UI's poll and resize counts as activity.
 */
public final class SessionActivity {

    static final String ATTRIBUTE = SessionActivity.class.getName() + ".last";

    private SessionActivity() {
    }

    public static void touch(VaadinSession session) {
        session.setAttribute(ATTRIBUTE, System.currentTimeMillis());
    }

    /** Milliseconds since the last activity; 0 when unknown. */
    public static long idleMillis(VaadinSession session) {
        Object last = session.getAttribute(ATTRIBUTE);
        return last instanceof Long l ? System.currentTimeMillis() - l : 0L;
    }

    /** True for the RPCs that are not a person acting. */
    static boolean passive(ClientConnector connector, String interfaceName, String method) {
        return connector instanceof UI && UIServerRpc.class.getName().equals(interfaceName)
                && ("poll".equals(method) || "resize".equals(method));
    }

    static final class TrackingUidlRequestHandler extends UidlRequestHandler {
        private static final long serialVersionUID = 1L;

        @Override
        protected ServerRpcHandler createRpcHandler() {
            return new ServerRpcHandler() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void handleInvocation(UI ui, ClientConnector connector, ServerRpcMethodInvocation invocation) {
                    if (!passive(connector, invocation.getInterfaceName(), invocation.getMethodName())) {
                        touch(ui.getSession());
                    }
                    super.handleInvocation(ui, connector, invocation);
                }

                @Override
                protected void handleInvocation(UI ui, ClientConnector connector,
                        com.vaadin.shared.communication.LegacyChangeVariablesInvocation legacyInvocation) {
                    touch(ui.getSession());
                    super.handleInvocation(ui, connector, legacyInvocation);
                }
            };
        }
    }
}
