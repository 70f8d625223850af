package cn.gannan.hpf.shell.ui.internal;

import java.util.Objects;
import java.util.Set;

import cn.gannan.hpf.shell.api.ShellConstants;

/**
 * What the shell knows about one contribution from its service properties, without any Vaadin type.
 *
 * @param id        {@link ShellConstants#ID}
 * @param titleKey  {@link ShellConstants#TITLE}
 * @param icon      {@link ShellConstants#ICON}, may be null
 * @param category  one of the {@code CATEGORY_} values
 * @param order     position inside the category
 * @param roles     role names of which the caller needs one; empty = everyone
 * @param ranking   {@code service.ranking}
 * @param serviceId {@code service.id}
 * @param admin     whether it is an admin page
 */
public record MenuEntry(String id, String titleKey, String icon, String category, int order, Set<String> roles,
        int ranking, long serviceId, boolean admin) {

    public MenuEntry {
        Objects.requireNonNull(id, "id");
        titleKey = titleKey == null || titleKey.isBlank() ? id : titleKey;
        category = category == null || category.isBlank() ? ShellConstants.CATEGORY_WORK : category;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether a caller holding these role names may see the entry. */
    public boolean visibleTo(Set<String> callerRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(callerRoles::contains);
    }
}
