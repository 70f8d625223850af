package cn.gannan.hpf.core.api.doc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a real Office Open XML workbook (.xlsx) without any third-party library: one sheet per
 * {@link Sheet}, a bold header row, numbers as numbers, everything else as inline text. Dates are
 * written as ISO text so they read the same in every locale.
 */
public final class Xlsx {

    /** The media type of the result, for downloads. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Excel's limit on sheet names. */
    static final int MAX_SHEET_NAME = 31;

    /**
     * One worksheet.
     *
     * @param name shown on the sheet's tab; characters Excel forbids are replaced, long names cut to 31
     * @param header the first row, in bold
     * @param rows cells: {@link Number}, {@link String}, {@link LocalDate}, {@link LocalDateTime}, {@link Boolean} or null
     */
    public record Sheet(String name, List<String> header, List<List<?>> rows) {
        public Sheet {
            Objects.requireNonNull(name, "name");
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    private Xlsx() {
    }

    /** The workbook's bytes. */
    public static byte[] write(List<Sheet> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            List<String> names = sheetNames(sheets);
            put(zip, "[Content_Types].xml", contentTypes(sheets.size()));
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", workbook(names));
            put(zip, "xl/_rels/workbook.xml.rels", workbookRels(sheets.size()));
            put(zip, "xl/styles.xml", STYLES);
            for (int i = 0; i < sheets.size(); i++) {
                put(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheet(sheets.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A workbook of one sheet. */
    public static byte[] write(String sheetName, List<String> header, List<List<?>> rows) {
        return write(List.of(new Sheet(sheetName, header, rows)));
    }

    static List<String> sheetNames(List<Sheet> sheets) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Sheet s : sheets) {
            String base = s.name().replaceAll("[\\\\/?*\\[\\]:']", "_").strip();
            if (base.isEmpty()) {
                base = "Sheet";
            }
            if (base.length() > MAX_SHEET_NAME) {
                base = base.substring(0, MAX_SHEET_NAME);
            }
            String name = base;
            for (int n = 2; !seen.add(name.toLowerCase()); n++) {
                String suffix = "(" + n + ")";
                name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String contentTypes(int sheets) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            sb.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return sb.append("</Types>").toString();
    }

    private static String workbook(List<String> names) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        for (int i = 0; i < names.size(); i++) {
            sb.append("<sheet name=\"").append(escape(names.get(i))).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return sb.append("</sheets></workbook>").toString();
    }

    private static String workbookRels(int sheets) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets; i++) {
            sb.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/")
                    .append("officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i)
                    .append(".xml\"/>");
        }
        int styles = sheets + 1;
        sb.append("<Relationship Id=\"rId").append(styles).append("\" Type=\"http://schemas.openxmlformats.org/")
                .append("officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return sb.append("</Relationships>").toString();
    }

    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "</styleSheet>";

    private static String sheet(Sheet s) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        int r = 1;
        if (!s.header().isEmpty()) {
            row(sb, r++, new ArrayList<>(s.header()), true);
        }
        for (List<?> row : s.rows()) {
            row(sb, r++, row, false);
        }
        return sb.append("</sheetData></worksheet>").toString();
    }

    private static void row(StringBuilder sb, int r, List<?> cells, boolean bold) {
        sb.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
                continue;
            }
            String ref = column(c) + r;
            String style = bold ? " s=\"1\"" : "";
            if (v instanceof Number n && isFinite(n)) {
                sb.append("<c r=\"").append(ref).append('"').append(style).append("><v>").append(n)
                        .append("</v></c>");
            } else if (v instanceof Boolean b) {
                sb.append("<c r=\"").append(ref).append('"').append(style).append(" t=\"b\"><v>")
                        .append(b ? 1 : 0).append("</v></c>");
            } else {
                String text = v instanceof LocalDateTime t ? t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                        : v.toString();
                sb.append("<c r=\"").append(ref).append('"').append(style)
                        .append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(text))
                        .append("</t></is></c>");
            }
        }
        sb.append("</row>");
    }

    private static boolean isFinite(Number n) {
        return !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(n instanceof Float f && (f.isNaN() || f.isInfinite()));
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
