package cn.gannan.hpf.core.api.doc;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a {@link PrintDocument} as PDF (A4, Chinese text in an embedded CJK font). Provided by the
 * {@code hpf-docs} feature; modules that offer PDFs require that feature.
 */
@ProviderType
public interface PdfService {

    String MEDIA_TYPE = "application/pdf";

    /**
     * @return the PDF's bytes
     * @throws cn.gannan.hpf.core.api.HpfException localized, when no font with Chinese glyphs is available
     */
    byte[] render(PrintDocument document);
}
