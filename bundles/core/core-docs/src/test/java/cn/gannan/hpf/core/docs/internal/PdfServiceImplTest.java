package cn.gannan.hpf.core.docs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.After;
import org.junit.Test;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.doc.PrintDocument.Field;
import cn.gannan.hpf.core.api.doc.PrintDocument.Heading;
import cn.gannan.hpf.core.api.doc.PrintDocument.Paragraph;
import cn.gannan.hpf.core.api.doc.PrintDocument.Signatures;
import cn.gannan.hpf.core.api.doc.PrintDocument.Table;

/** Renders with the machine's CJK font (CI installs fonts-wqy-zenhei) and reads the text back. */
public class PdfServiceImplTest {

    private final PdfServiceImpl service = new PdfServiceImpl();

    @After
    public void close() {
        service.deactivate();
    }

    @Test
    public void chineseTextSurvivesTheRoundTrip() throws Exception {
        service.activate(config(new String[] {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"}));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(String.valueOf(i), "议题" + i + "：研究住房公积金归集扩面工作", "党建"));
        }
        PrintDocument doc = new PrintDocument("中共甘南州住房公积金管理中心党组", "党组会议纪要", "〔2017〕9号", List.of(
                new Field("时间：", "2017年3月2日"),
                new Heading("一、会议议题"),
                new Paragraph("会议传达学习了全面从严治党有关精神，研究部署了2017年党建工作。Housing fund 100,000 yuan."),
                new Table(List.of("序号", "议题", "类别"), rows),
                new Signatures("会签", List.of("张三", "李四", "王五", "赵六"), List.of("2017-03-03", "", "", ""))));
        byte[] pdf = service.render(doc);
        assertTrue("not a PDF", new String(pdf, 0, 5, "ISO-8859-1").startsWith("%PDF-"));
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertTrue("60 table rows need more than one page", read.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(read).replaceAll("\\s+", "");
            for (String expected : List.of("中共甘南州住房公积金管理中心党组", "党组会议纪要", "〔2017〕9号", "时间：2017年3月2日",
                    "一、会议议题", "议题60：研究住房公积金归集扩面工作", "会签", "张三2017-03-03", "100,000yuan")) {
                assertTrue("missing \"" + expected + "\" in:\n" + text, text.contains(expected));
            }
            assertEquals("党组会议纪要", read.getDocumentInformation().getTitle());
        }
    }

    @Test
    public void noCjkFontIsALocalizedRefusal() {
        service.activate(config(new String[] {"/nonexistent/font.ttc"}));
        HpfException e = assertThrows(HpfException.class, () -> service.render(
                new PrintDocument(null, "t", null, List.of())));
        assertTrue(e.localized(Locale.SIMPLIFIED_CHINESE), e.localized(Locale.SIMPLIFIED_CHINESE).contains("中文字体"));
        assertTrue(e.localized(Locale.ENGLISH), e.localized(Locale.ENGLISH).contains("fonts-wqy-zenhei"));
    }

    private static PdfServiceImpl.Config config(String[] paths) {
        return new PdfServiceImpl.Config() {
            @Override
            public String[] fontPaths() {
                return paths;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PdfServiceImpl.Config.class;
            }
        };
    }
}
