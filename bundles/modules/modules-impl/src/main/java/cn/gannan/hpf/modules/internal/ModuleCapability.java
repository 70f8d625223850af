package cn.gannan.hpf.modules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code hpf.module} capability of a Karaf feature, parsed from its OSGi-header text, e.g.
 * {@code hpf.module;hpf.module=meetings;name.zh="会议纪要";name.en="Meetings";tables="MTG_"}.
 */
record ModuleCapability(String id, String nameZh, String nameEn, String descZh, String descEn, String tables,
        String schema) {

    static final String NAMESPACE = "hpf.module";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** A table-name prefix: letters, digits, '_'; at least 3 characters; never the core's. */
    private static final Pattern TABLES = Pattern.compile("[A-Z][A-Z0-9_]{2,30}");

    /** The module capability among a feature's capability texts, if any. */
    static Optional<ModuleCapability> find(List<String> capabilityTexts) {
        for (String text : capabilityTexts) {
            for (String clause : split(text, ',')) {
                List<String> parts = split(clause, ';');
                if (parts.isEmpty() || !NAMESPACE.equals(parts.get(0).trim())) {
                    continue;
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                for (String p : parts.subList(1, parts.size())) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String key = p.substring(0, eq).trim();
                    int colon = key.indexOf(':');
                    if (colon > 0) {
                        key = key.substring(0, colon).trim(); // name:String=...
                    }
                    if (key.endsWith(":")) {
                        continue; // a directive (name:=value)
                    }
                    attrs.put(key, unquote(p.substring(eq + 1).trim()));
                }
                return Optional.of(of(attrs));
            }
        }
        return Optional.empty();
    }

    static ModuleCapability of(Map<String, String> attrs) {
        String id = attrs.get(NAMESPACE);
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("hpf.module capability without a valid id (lower case, digits, '-'): "
                    + attrs);
        }
        String tables = blankToNull(attrs.get("tables"));
        if (tables != null) {
            tables = tables.toUpperCase(java.util.Locale.ROOT);
            if (!TABLES.matcher(tables).matches() || tables.startsWith("HPF_") || tables.startsWith("SYS")) {
                throw new IllegalArgumentException("module " + id + ": bad table prefix " + tables);
            }
        }
        String schema = blankToNull(attrs.get("schema"));
        if (schema == null && tables != null) {
            schema = id;
        }
        return new ModuleCapability(id, blankToNull(attrs.get("name.zh")), blankToNull(attrs.get("name.en")),
                blankToNull(attrs.get("desc.zh")), blankToNull(attrs.get("desc.en")), tables, schema);
    }

    /** Splits on a separator outside double quotes. */
    static List<String> split(String text, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || !out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
