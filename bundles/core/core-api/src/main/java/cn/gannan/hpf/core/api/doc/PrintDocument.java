package cn.gannan.hpf.core.api.doc;

import java.util.List;
import java.util.Objects;

/**
 * A printable document in the official layout: a red-headed issuer line, a title, an optional document
 * number (e.g. 〔2017〕9号), then blocks in order. Rendered as HTML by {@link PrintHtml} and as PDF by
 * the {@link PdfService}; all text is already localized by the module.
 *
 * @param issuer the issuing body shown above the title (e.g. 中共甘南州住房公积金管理中心党组), or null
 * @param title the document title
 * @param number the document number, or null
 * @param blocks the body
 */
public record PrintDocument(String issuer, String title, String number, List<Block> blocks) {

    public PrintDocument {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    /** One part of the body. */
    public sealed interface Block permits Heading, Paragraph, Field, Table, Signatures {
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of running text; line breaks are kept. */
    public record Paragraph(String text) implements Block {
    }

    /** A label and its value on one line (e.g. 时间：2017年3月2日). */
    public record Field(String label, String value) implements Block {
    }

    /** A table with a header row. */
    public record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * Signature lines: a caption (e.g. 会签) and the names, each with what was signed (e.g. a date), or
     * an empty string for a blank line to sign by hand.
     */
    public record Signatures(String caption, List<String> names, List<String> signed) implements Block {
        public Signatures {
            names = List.copyOf(names);
            signed = List.copyOf(signed);
            if (names.size() != signed.size()) {
                throw new IllegalArgumentException("one signed entry per name");
            }
        }
    }
}
