package cn.gannan.hpf.shell.api;

/**
 * Service properties of the shell's whiteboards. Titles and categories are message keys in the
 * contributing module's resource bundle ({@link Contribution#messagesBaseName()}).
 */
public final class ShellConstants {

    /** Unique id, also the navigation state, e.g. {@code meetings}. Required. */
    public static final String ID = "hpf.shell.id";
    /** Message key of the menu or widget title. Required. */
    public static final String TITLE = "hpf.shell.title";
    /** Name of a {@code com.vaadin.icons.VaadinIcons} constant, e.g. {@code USERS}. */
    public static final String ICON = "hpf.shell.icon";
    /** Menu group: one of the CATEGORY_ values. Default {@link #CATEGORY_WORK}. */
    public static final String CATEGORY = "hpf.shell.category";
    /** Position within the category; lower first ({@code Integer}). Default 100. */
    public static final String ORDER = "hpf.shell.order";
    /** Role names ({@code cn.gannan.hpf.core.api.Role}) of which the user needs one; none = everyone. */
    public static final String ROLES = "hpf.shell.roles";

    public static final String CATEGORY_WORK = "work";
    public static final String CATEGORY_PARTY = "party";
    public static final String CATEGORY_SERVICE = "service";
    public static final String CATEGORY_ADMIN = "admin";

    public static final int DEFAULT_ORDER = 100;

    private ShellConstants() {
    }
}
