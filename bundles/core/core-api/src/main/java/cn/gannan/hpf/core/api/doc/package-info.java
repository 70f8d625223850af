/**
 * Documents every module produces: Excel workbooks of statistics ({@link cn.gannan.hpf.core.api.doc.Xlsx}),
 * printable documents ({@link cn.gannan.hpf.core.api.doc.PrintDocument}) rendered as HTML for the print view
 * ({@link cn.gannan.hpf.core.api.doc.PrintHtml}) and as PDF by the {@link cn.gannan.hpf.core.api.doc.PdfService}.
 */
@Export
@Version("1.0.0")
package cn.gannan.hpf.core.api.doc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
