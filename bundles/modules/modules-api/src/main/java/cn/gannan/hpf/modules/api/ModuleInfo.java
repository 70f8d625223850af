package cn.gannan.hpf.modules.api;

import java.util.List;
import java.util.Locale;

/**
 * One entry of the catalogue.
 *
 * @param id       module id (the capability's {@code hpf.module} attribute), e.g. {@code meetings-ui}
 * @param feature  the Karaf feature that is the module, e.g. {@code hpf-meetings-ui}
 * @param requires ids of the modules it needs (from feature dependencies between modules)
 * @param requiredBy ids of the modules that need it
 * @param desired  true when the office's desired set holds it
 * @param failure  why it is {@link ModuleState#FAILED}, in English (bundle and component errors); null otherwise
 * @param tables   table-name prefix of its data, or null when it keeps none
 * @param schema   id under which its migrations are recorded (HPF_SCHEMA_HISTORY), or null
 */
public record ModuleInfo(String id, String feature, String version, String nameZh, String nameEn, String descZh,
        String descEn, ModuleState state, String failure, boolean desired, List<String> requires,
        List<String> requiredBy, String tables, String schema) {

    public ModuleInfo {
        requires = List.copyOf(requires);
        requiredBy = List.copyOf(requiredBy);
    }

    /** The name in the language of the locale (Chinese unless English is asked for). */
    public String name(Locale locale) {
        return english(locale) && nameEn != null ? nameEn : nameZh != null ? nameZh : id;
    }

    public String description(Locale locale) {
        return english(locale) && descEn != null ? descEn : descZh != null ? descZh : "";
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
