package cn.gannan.hpf.meetings.internal;

import cn.gannan.hpf.core.api.doc.PrintDocument;

/** A printable document as plain text: the unchanging record of an issued revision. */
final class PrintText {

    private PrintText() {
    }

    static String plain(PrintDocument doc) {
        StringBuilder sb = new StringBuilder();
        if (doc.issuer() != null) {
            sb.append(doc.issuer()).append('\n');
        }
        if (doc.number() != null) {
            sb.append(doc.number()).append('\n');
        }
        sb.append(doc.title()).append("\n\n");
        for (PrintDocument.Block b : doc.blocks()) {
            if (b instanceof PrintDocument.Heading h) {
                sb.append('\n').append(h.text()).append('\n');
            } else if (b instanceof PrintDocument.Paragraph p) {
                sb.append(p.text()).append('\n');
            } else if (b instanceof PrintDocument.Field f) {
                sb.append(f.label()).append('：').append(f.value()).append('\n');
            } else if (b instanceof PrintDocument.Table t) {
                sb.append(String.join("\t", t.header())).append('\n');
                t.rows().forEach(r -> sb.append(String.join("\t", r)).append('\n'));
            } else if (b instanceof PrintDocument.Signatures s) {
                sb.append('\n').append(s.caption()).append('：');
                for (int i = 0; i < s.names().size(); i++) {
                    sb.append(i == 0 ? "" : "  ").append(s.names().get(i)).append(' ').append(s.signed().get(i));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
