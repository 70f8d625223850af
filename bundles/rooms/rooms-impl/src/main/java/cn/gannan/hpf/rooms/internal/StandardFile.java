package cn.gannan.hpf.rooms.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.ValidationException;
import cn.gannan.hpf.rooms.api.Measure;
import cn.gannan.hpf.rooms.api.RoomsMsg;
import cn.gannan.hpf.rooms.api.Standard;
import cn.gannan.hpf.rooms.api.StandardCategory;
import cn.gannan.hpf.rooms.api.StandardItem;
import cn.gannan.hpf.rooms.api.StandardItemDraft;

/**
 * The standard as a file, to carry from the centre to county nodes: UTF-8 text, a first line
 * {@value #MAGIC}, then tab-separated lines {@code version}, {@code title}, {@code note} and one
 * {@code item} line per requirement (code, category, measure, required, Y/N mandatory, sort, name,
 * specification). Lines starting with {@code #} after the first are comments. Reading reports every
 * bad line at once, with its number.
 */
final class StandardFile {

    static final String MAGIC = "# hpf-rooms-standard 1";
    static final int MAX_BYTES = 256 * 1024;

    /** A parsed file. */
    record Parsed(int versionNo, String title, String note, List<StandardItemDraft> items) {
    }

    private StandardFile() {
    }

    static byte[] write(Standard s) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append("# ").append(s.title()).append('\n');
        sb.append("version\t").append(s.versionNo()).append('\n');
        sb.append("title\t").append(clean(s.title())).append('\n');
        if (s.note() != null) {
            sb.append("note\t").append(clean(s.note())).append('\n');
        }
        sb.append("# item\tcode\tcategory\tmeasure\trequired\tmandatory\tsort\tname\tspecification\n");
        for (StandardItem i : s.items()) {
            sb.append("item\t").append(i.code()).append('\t').append(i.category()).append('\t').append(i.measure())
                    .append('\t').append(i.requiredQuantity()).append('\t').append(i.mandatory() ? 'Y' : 'N')
                    .append('\t').append(i.sortOrder()).append('\t').append(clean(i.name())).append('\t')
                    .append(i.specification() == null ? "" : clean(i.specification())).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    static Parsed read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ValidationException.field("file", RoomsMsg.of("error.standardFile.empty"));
        }
        if (bytes.length > MAX_BYTES) {
            throw ValidationException.field("file", RoomsMsg.of("error.standardFile.tooLarge", MAX_BYTES / 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.field("file", RoomsMsg.of("error.standardFile.encoding"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(MAGIC)) {
            throw ValidationException.field("file", RoomsMsg.of("error.standardFile.magic", MAGIC));
        }
        Map<String, Msg> errors = new LinkedHashMap<>();
        Integer version = null;
        boolean versionSeen = false;
        String title = null;
        String note = null;
        List<StandardItemDraft> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String lineNo = "line " + (n + 1);
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "version" -> {
                    versionSeen = true;
                    try {
                        version = Integer.valueOf(f.length > 1 ? f[1].strip() : "");
                        if (version < 1) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        errors.put(lineNo, RoomsMsg.of("error.standardFile.version", n + 1));
                    }
                }
                case "title" -> title = f.length > 1 ? Store.blankToNull(f[1]) : null;
                case "note" -> note = f.length > 1 ? Store.blankToNull(f[1]) : null;
                case "item" -> {
                    StandardItemDraft d = item(f, n + 1, errors);
                    if (d != null) {
                        if (!codes.add(d.code())) {
                            errors.put(lineNo, RoomsMsg.of("error.standardFile.duplicate", n + 1, d.code()));
                        } else {
                            items.add(d);
                        }
                    }
                }
                default -> errors.put(lineNo, RoomsMsg.of("error.standardFile.line", n + 1, f[0]));
            }
        }
        if (!versionSeen) {
            errors.putIfAbsent("version", RoomsMsg.of("error.standardFile.noVersion"));
        }
        if (title == null) {
            errors.put("title", RoomsMsg.of("error.standardFile.noTitle"));
        }
        if (items.isEmpty() && errors.isEmpty()) {
            errors.put("items", RoomsMsg.of("error.standardFile.noItems"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(RoomsMsg.of("error.standardFile.invalid", errors.size(),
                    errors.values().iterator().next()), errors);
        }
        return new Parsed(version, title, note, List.copyOf(items));
    }

    private static StandardItemDraft item(String[] f, int lineNo, Map<String, Msg> errors) {
        String key = "line " + lineNo;
        if (f.length < 8) {
            errors.put(key, RoomsMsg.of("error.standardFile.fields", lineNo, f.length - 1));
            return null;
        }
        try {
            String code = f[1].strip();
            StandardCategory category = StandardCategory.valueOf(f[2].strip());
            Measure measure = Measure.valueOf(f[3].strip());
            int required = Integer.parseInt(f[4].strip());
            String m = f[5].strip();
            if (!m.equals("Y") && !m.equals("N")) {
                throw new IllegalArgumentException(m);
            }
            int sort = Integer.parseInt(f[6].strip());
            return new StandardItemDraft(code, category, f[7].strip(), f.length > 8 ? Store.blankToNull(f[8]) : null,
                    measure, required, m.equals("Y"), sort);
        } catch (IllegalArgumentException e) {
            errors.put(key, RoomsMsg.of("error.standardFile.item", lineNo));
            return null;
        }
    }
}
