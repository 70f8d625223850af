package cn.gannan.hpf.core.api.doc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class XlsxTest {

    @Test
    public void writesAWellFormedWorkbookWithTypedCells() throws Exception {
        byte[] bytes = Xlsx.write(List.of(
                new Xlsx.Sheet("会议统计", List.of("类型", "次数", "日期"),
                        List.of(Arrays.asList("党组会议", 9, LocalDate.of(2017, 12, 29)),
                                Arrays.asList("A & <B>", 2.5, null))),
                new Xlsx.Sheet("会议统计", List.of("x"), List.of())));
        Map<String, String> parts = unzip(bytes);
        assertTrue(parts.containsKey("[Content_Types].xml"));
        assertTrue(parts.containsKey("xl/styles.xml"));
        for (String part : parts.keySet()) {
            parse(parts.get(part)); // every part is well-formed XML
        }
        Document wb = parse(parts.get("xl/workbook.xml"));
        NodeList sheets = wb.getElementsByTagName("sheet");
        assertEquals(2, sheets.getLength());
        assertEquals("会议统计", ((Element) sheets.item(0)).getAttribute("name"));
        assertEquals("duplicate names made unique", "会议统计(2)", ((Element) sheets.item(1)).getAttribute("name"));

        Document s1 = parse(parts.get("xl/worksheets/sheet1.xml"));
        NodeList cells = s1.getElementsByTagName("c");
        Element b2 = cell(cells, "B2");
        assertEquals("a number is a numeric cell", "", b2.getAttribute("t"));
        assertEquals("9", b2.getTextContent());
        assertEquals("inlineStr", cell(cells, "A2").getAttribute("t"));
        assertEquals("2017-12-29", cell(cells, "C2").getTextContent());
        assertEquals("A & <B>", cell(cells, "A3").getTextContent());
        assertEquals("header is bold", "1", cell(cells, "A1").getAttribute("s"));
        assertFalse("null cells are left out", parts.get("xl/worksheets/sheet1.xml").contains("C3"));
    }

    @Test
    public void columnsAndSheetNames() {
        assertEquals("A", Xlsx.column(0));
        assertEquals("Z", Xlsx.column(25));
        assertEquals("AA", Xlsx.column(26));
        assertEquals("AZ", Xlsx.column(51));
        assertEquals("BA", Xlsx.column(52));
        List<String> names = Xlsx.sheetNames(List.of(new Xlsx.Sheet("a/b:c", List.of(), List.of()),
                new Xlsx.Sheet("x".repeat(40), List.of(), List.of()), new Xlsx.Sheet(" ", List.of(), List.of())));
        assertEquals(List.of("a_b_c", "x".repeat(31), "Sheet"), names);
        assertThrows(IllegalArgumentException.class, () -> Xlsx.write(List.of()));
    }

    @Test
    public void printHtmlEscapesText() {
        String html = PrintHtml.render(new PrintDocument("党组", "<纪要>", "〔2017〕9号",
                List.of(new PrintDocument.Paragraph("a & b"), new PrintDocument.Signatures("会签",
                        List.of("张三"), List.of("2017-03-02")))), "zh-CN");
        assertTrue(html.contains("&lt;纪要&gt;"));
        assertTrue(html.contains("a &amp; b"));
        assertTrue(html.contains("〔2017〕9号"));
        assertTrue(html.contains("张三 2017-03-02"));
        assertFalse(html.contains("<纪要>"));
    }

    private static Element cell(NodeList cells, String ref) {
        for (int i = 0; i < cells.getLength(); i++) {
            Element e = (Element) cells.item(i);
            if (ref.equals(e.getAttribute("r"))) {
                return e;
            }
        }
        throw new AssertionError("no cell " + ref);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
