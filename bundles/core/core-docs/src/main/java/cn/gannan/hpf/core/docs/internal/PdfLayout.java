package cn.gannan.hpf.core.docs.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.doc.PrintDocument.Block;
import cn.gannan.hpf.core.api.doc.PrintDocument.Field;
import cn.gannan.hpf.core.api.doc.PrintDocument.Heading;
import cn.gannan.hpf.core.api.doc.PrintDocument.Paragraph;
import cn.gannan.hpf.core.api.doc.PrintDocument.Signatures;
import cn.gannan.hpf.core.api.doc.PrintDocument.Table;

/**
 * Lays a {@link PrintDocument} out on A4 pages in the official layout (GB/T 9704 in spirit: red issuer
 * line with a rule, centred title and number, indented body, page numbers "- n -"). One use per document.
 */
final class PdfLayout {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = A4.getWidth() - 26 * MM;
    private static final float TOP = A4.getHeight() - 37 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final float WIDTH = RIGHT - LEFT;

    private static final float ISSUER = 22;
    private static final float TITLE = 18;
    private static final float BODY = 14;
    private static final float SMALL = 10.5f;
    private static final float LEADING = 1.65f;

    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private PDDocument doc;
    private PDType0Font font;
    private PDPageContentStream cs;
    private float y;
    private int pages;

    PdfLayout(TrueTypeFont ttf) throws IOException {
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
    }

    /** Whether a font has glyphs for common Chinese characters. */
    static boolean hasCjk(TrueTypeFont f) {
        try {
            CmapLookup c = f.getUnicodeCmapLookup(false);
            return c != null && c.getGlyphId('中') > 0 && c.getGlyphId('会') > 0 && c.getGlyphId('议') > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    void write(PrintDocument d, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            this.doc = document;
            this.font = PDType0Font.load(document, ttf, true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(d.title());
            info.setCreator("Gannan HPF office platform");
            newPage();
            if (d.issuer() != null && !d.issuer().isBlank()) {
                centred(d.issuer(), ISSUER, true, 0.8f, 0f, 0f);
                y -= 6;
                cs.setStrokingColor(0.8f, 0f, 0f);
                cs.setLineWidth(1.5f);
                cs.moveTo(LEFT, y);
                cs.lineTo(RIGHT, y);
                cs.stroke();
                cs.setStrokingColor(0f, 0f, 0f);
                y -= 20;
            }
            centred(d.title(), TITLE, true, 0f, 0f, 0f);
            if (d.number() != null && !d.number().isBlank()) {
                centred(d.number(), BODY, false, 0f, 0f, 0f);
            }
            y -= BODY * 0.6f;
            for (Block b : d.blocks()) {
                block(b);
            }
            cs.close();
            document.save(out);
        }
    }

    private void block(Block b) throws IOException {
        if (b instanceof Heading h) {
            y -= BODY * 0.4f;
            lines(h.text(), BODY, true, 0);
        } else if (b instanceof Paragraph p) {
            for (String para : p.text().split("\\R", -1)) {
                lines(para, BODY, false, 2 * BODY);
            }
        } else if (b instanceof Field f) {
            lines(f.label() + f.value(), BODY, false, 0);
        } else if (b instanceof Table t) {
            table(t);
        } else if (b instanceof Signatures s) {
            signatures(s);
        }
    }

    // ---------------------------------------------------------------- text

    private void centred(String text, float size, boolean bold, float r, float g, float bl) throws IOException {
        for (String line : wrap(clean(text), size, WIDTH, 0)) {
            ensure(size * LEADING);
            y -= size * LEADING;
            float w = width(line, size);
            cs.setNonStrokingColor(r, g, bl);
            cs.setStrokingColor(r, g, bl);
            show(line, LEFT + (WIDTH - w) / 2, y, size, bold);
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.setStrokingColor(0f, 0f, 0f);
        }
    }

    /** Wrapped text; {@code indent} on the first line only. */
    private void lines(String text, float size, boolean bold, float indent) throws IOException {
        List<String> lines = wrap(clean(text), size, WIDTH, indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(size * LEADING);
            y -= size * LEADING;
            show(lines.get(i), LEFT + (i == 0 ? indent : 0), y, size, bold);
        }
    }

    private void show(String text, float x, float baseline, float size, boolean bold) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        cs.beginText();
        if (bold) {
            // the CJK fonts have no bold face: simulate it with a thin outline
            cs.setRenderingMode(RenderingMode.FILL_STROKE);
            cs.setLineWidth(size / 30f);
        } else {
            cs.setRenderingMode(RenderingMode.FILL);
        }
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    /** Replaces characters the font cannot draw (and control characters) so nothing is lost silently. */
    String clean(String s) throws IOException {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                sb.append(' ');
            } else if (cp < 0x20) {
                // dropped
            } else if (cmap.getGlyphId(cp) > 0 || cp == ' ') {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    /**
     * Greedy wrapping: Chinese breaks between any two characters; a Latin word moves to the next line
     * whole unless it is longer than a line.
     */
    List<String> wrap(String text, float size, float width, float firstIndent) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float avail = width - firstIndent;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (width(line + ch, size) > avail && line.length() > 0) {
                int cut = latinCut(line, cp);
                String rest = cut > 0 ? line.substring(cut) : "";
                out.add((cut > 0 ? line.substring(0, cut) : line.toString()).stripTrailing());
                line.setLength(0);
                line.append(rest.stripLeading());
                avail = width;
                if (cp == ' ') {
                    i += Character.charCount(cp);
                    continue;
                }
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }

    /** Where to cut {@code line} so a Latin word continuing with {@code next} stays whole; 0 for here. */
    private static int latinCut(StringBuilder line, int next) {
        if (!isLatin(next) || line.length() == 0 || !isLatin(line.charAt(line.length() - 1))) {
            return 0;
        }
        int space = line.lastIndexOf(" ");
        return space > 0 ? space + 1 : 0;
    }

    private static boolean isLatin(int cp) {
        return cp < 0x2E80 && !Character.isWhitespace(cp);
    }

    // ---------------------------------------------------------------- tables and signatures

    private void table(Table t) throws IOException {
        int cols = Math.max(t.header().size(), t.rows().stream().mapToInt(List::size).max().orElse(0));
        if (cols == 0) {
            return;
        }
        float[] w = columnWidths(t, cols);
        float pad = 3;
        y -= 4;
        tableRow(t.header(), w, pad, true);
        for (List<String> row : t.rows()) {
            if (!fits(rowHeight(row, w, pad))) {
                newPageKeepingStream();
                tableRow(t.header(), w, pad, true);
            }
            tableRow(row, w, pad, false);
        }
        y -= 6;
    }

    private float[] columnWidths(Table t, int cols) throws IOException {
        float[] want = new float[cols];
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                want[c] = Math.max(want[c], Math.min(width(clean(row.get(c)), SMALL) + 8, WIDTH * 0.5f));
            }
        }
        float sum = 0;
        for (float f : want) {
            sum += Math.max(f, 30);
        }
        float[] w = new float[cols];
        for (int c = 0; c < cols; c++) {
            w[c] = Math.max(want[c], 30) / sum * WIDTH;
        }
        return w;
    }

    private float rowHeight(List<String> row, float[] w, float pad) throws IOException {
        int max = 1;
        for (int c = 0; c < w.length; c++) {
            String cell = c < row.size() ? clean(row.get(c)) : "";
            max = Math.max(max, wrap(cell, SMALL, w[c] - 2 * pad, 0).size());
        }
        return max * SMALL * 1.35f + 2 * pad;
    }

    private void tableRow(List<String> row, float[] w, float pad, boolean header) throws IOException {
        float h = rowHeight(row, w, pad);
        ensure(h);
        float x = LEFT;
        cs.setLineWidth(0.6f);
        for (int c = 0; c < w.length; c++) {
            cs.addRect(x, y - h, w[c], h);
            cs.stroke();
            String cell = c < row.size() ? clean(row.get(c)) : "";
            float ly = y - pad;
            for (String l : wrap(cell, SMALL, w[c] - 2 * pad, 0)) {
                ly -= SMALL * 1.35f;
                show(l, x + pad, ly + SMALL * 0.3f, SMALL, header);
            }
            x += w[c];
        }
        y -= h;
    }

    private void signatures(Signatures s) throws IOException {
        y -= BODY * 0.5f;
        lines(s.caption(), BODY, true, 0);
        float cell = WIDTH / 3;
        for (int i = 0; i < s.names().size(); i += 3) {
            ensure(BODY * 2.4f);
            y -= BODY * 2.2f;
            for (int j = i; j < Math.min(i + 3, s.names().size()); j++) {
                float x = LEFT + (j - i) * cell;
                String signed = s.signed().get(j);
                String text = clean(s.names().get(j) + (signed == null || signed.isEmpty() ? "" : " " + signed));
                show(text, x, y, SMALL, false);
                cs.setLineWidth(0.5f);
                cs.moveTo(x, y - 4);
                cs.lineTo(x + cell - 12, y - 4);
                cs.stroke();
            }
        }
    }

    // ---------------------------------------------------------------- pages

    private boolean fits(float height) {
        return y - height >= BOTTOM;
    }

    private void ensure(float height) throws IOException {
        if (!fits(height)) {
            newPageKeepingStream();
        }
    }

    private void newPageKeepingStream() throws IOException {
        cs.close();
        newPage();
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(A4);
        doc.addPage(page);
        pages++;
        cs = new PDPageContentStream(doc, page);
        String number = "- " + pages + " -";
        show(number, LEFT + (WIDTH - width(number, SMALL)) / 2, BOTTOM - 28, SMALL, false);
        y = TOP;
    }
}
