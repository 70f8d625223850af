package cn.gannan.hpf.core.api.doc;

import cn.gannan.hpf.core.api.doc.PrintDocument.Block;
import cn.gannan.hpf.core.api.doc.PrintDocument.Field;
import cn.gannan.hpf.core.api.doc.PrintDocument.Heading;
import cn.gannan.hpf.core.api.doc.PrintDocument.Paragraph;
import cn.gannan.hpf.core.api.doc.PrintDocument.Signatures;
import cn.gannan.hpf.core.api.doc.PrintDocument.Table;

/**
 * Renders a {@link PrintDocument} as one self-contained HTML page for the browser's print view (A4,
 * official layout: red issuer line, centred title and number, 仿宋-style body). All text is escaped.
 */
public final class PrintHtml {

    private PrintHtml() {
    }

    /**
     * @param lang the page's language tag, e.g. {@code zh-CN}
     */
    public static String render(PrintDocument doc, String lang) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html><html lang=\"").append(esc(lang)).append("\"><head><meta charset=\"UTF-8\">")
                .append("<title>").append(esc(doc.title())).append("</title><style>")
                .append("@page{size:A4;margin:25mm 26mm 25mm 28mm}")
                .append("body{font-family:'FangSong','STFangsong','WenQuanYi Zen Hei','Noto Serif CJK SC',serif;")
                .append("font-size:16pt;line-height:1.8;color:#000;max-width:170mm;margin:0 auto}")
                .append(".issuer{color:#c00;font-size:26pt;text-align:center;font-weight:bold;letter-spacing:2px;")
                .append("border-bottom:2px solid #c00;padding-bottom:6px}")
                .append("h1{font-size:22pt;text-align:center;margin:18px 0 4px}")
                .append(".number{text-align:center;margin-bottom:18px}")
                .append("h2{font-size:16pt;font-weight:bold;margin:14px 0 4px}")
                .append("p{text-indent:2em;margin:4px 0;white-space:pre-wrap}")
                .append(".field{margin:2px 0}.field b{font-weight:bold}")
                .append("table{border-collapse:collapse;width:100%;font-size:12pt;margin:8px 0}")
                .append("th,td{border:1px solid #000;padding:3px 6px;text-align:left;vertical-align:top}")
                .append(".sig{margin-top:16px}.sig span{display:inline-block;min-width:11em;margin:6px 12px 6px 0;")
                .append("border-bottom:1px solid #000}")
                .append("@media print{.noprint{display:none}}")
                .append("</style></head><body>");
        if (doc.issuer() != null && !doc.issuer().isBlank()) {
            sb.append("<div class=\"issuer\">").append(esc(doc.issuer())).append("</div>");
        }
        sb.append("<h1>").append(esc(doc.title())).append("</h1>");
        if (doc.number() != null && !doc.number().isBlank()) {
            sb.append("<div class=\"number\">").append(esc(doc.number())).append("</div>");
        }
        for (Block b : doc.blocks()) {
            block(sb, b);
        }
        return sb.append("</body></html>").toString();
    }

    private static void block(StringBuilder sb, Block b) {
        if (b instanceof Heading h) {
            sb.append("<h2>").append(esc(h.text())).append("</h2>");
        } else if (b instanceof Paragraph p) {
            sb.append("<p>").append(esc(p.text())).append("</p>");
        } else if (b instanceof Field f) {
            sb.append("<div class=\"field\"><b>").append(esc(f.label())).append("</b>")
                    .append(esc(f.value())).append("</div>");
        } else if (b instanceof Table t) {
            sb.append("<table><thead><tr>");
            t.header().forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
            sb.append("</tr></thead><tbody>");
            for (var row : t.rows()) {
                sb.append("<tr>");
                row.forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
                sb.append("</tr>");
            }
            sb.append("</tbody></table>");
        } else if (b instanceof Signatures s) {
            sb.append("<div class=\"sig\"><b>").append(esc(s.caption())).append("</b><br>");
            for (int i = 0; i < s.names().size(); i++) {
                sb.append("<span>").append(esc(s.names().get(i)));
                String signed = s.signed().get(i);
                if (signed != null && !signed.isEmpty()) {
                    sb.append(' ').append(esc(signed));
                }
                sb.append("</span>");
            }
            sb.append("</div>");
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
