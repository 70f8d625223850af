package cn.gannan.hpf.core.docs.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.doc.PdfService;
import cn.gannan.hpf.core.api.doc.PrintDocument;

/**
 * {@link PdfService} on Apache PDFBox with the first CJK font found on the configured paths (a TrueType
 * font or collection with Chinese glyphs, e.g. Debian's fonts-wqy-zenhei). The font is embedded as a
 * subset, so the PDF reads the same on any machine. Rendering is serialised: PDFBox fonts are not
 * thread-safe, and documents here are small.
 */
@Component(service = PdfService.class, configurationPid = PdfServiceImpl.PID)
@Designate(ocd = PdfServiceImpl.Config.class)
public class PdfServiceImpl implements PdfService {

    static final String PID = "cn.gannan.hpf.docs";

    private static final Logger LOG = LoggerFactory.getLogger(PdfServiceImpl.class);

    @ObjectClassDefinition(name = "HPF documents", description = "PDF rendering of printable documents")
    @interface Config {
        @AttributeDefinition(description = "Font files tried in order: .ttf or .ttc with Chinese glyphs")
        String[] fontPaths() default {
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
        };
    }

    private List<String> fontPaths = List.of();
    private TrueTypeCollection collection;
    private TrueTypeFont font;
    private String fontSource;

    @Activate
    @Modified
    synchronized void activate(Config config) {
        closeFont();
        List<String> paths = new ArrayList<>();
        for (String p : config.fontPaths()) {
            if (p != null && !p.isBlank()) {
                paths.add(p.strip());
            }
        }
        this.fontPaths = List.copyOf(paths);
    }

    @Deactivate
    synchronized void deactivate() {
        closeFont();
    }

    @Override
    public synchronized byte[] render(PrintDocument document) {
        TrueTypeFont ttf = font();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PdfLayout(ttf).write(document, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the font came from, for diagnostics; null before the first render. */
    synchronized String fontSource() {
        return fontSource;
    }

    private TrueTypeFont font() {
        if (font != null) {
            return font;
        }
        for (String path : fontPaths) {
            Path file = Path.of(path);
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                if (path.toLowerCase().endsWith(".ttc")) {
                    TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    ttc.processAllFonts(f -> {
                        if (first[0] == null && PdfLayout.hasCjk(f)) {
                            first[0] = f;
                        }
                    });
                    if (first[0] != null) {
                        collection = ttc;
                        font = first[0];
                    } else {
                        ttc.close();
                    }
                } else {
                    TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                    if (PdfLayout.hasCjk(f)) {
                        font = f;
                    } else {
                        f.close();
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot read font {}: {}", path, e.toString());
            }
            if (font != null) {
                fontSource = path;
                LOG.info("PDF font: {}", path);
                return font;
            }
        }
        throw new HpfException(new Msg(Msg.CORE_BUNDLE, Msg.class.getClassLoader(), "docs.noCjkFont",
                String.join(", ", fontPaths)));
    }

    private void closeFont() {
        try {
            if (collection != null) {
                collection.close();
            } else if (font != null) {
                font.close();
            }
        } catch (IOException e) {
            LOG.debug("closing font: {}", e.toString());
        }
        collection = null;
        font = null;
        fontSource = null;
    }
}
