package cn.gannan.hpf.fleet.internal.release;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a release needs from a Karaf features repository: the nested repositories, and per feature its
 * dependencies and the artifacts it installs (bundles, config files, libraries, also those of conditionals).
 * Any namespace version of the schema is read; DTDs and external entities are refused.
 */
public record FeaturesRepository(List<String> repositories, List<FeatureDef> features) {

    /** A dependency on another feature; {@code version} as written (null for any). */
    public record Dependency(String name, String version) {
    }

    /** One feature. */
    public record FeatureDef(String name, String version, List<Dependency> dependencies, List<String> artifacts) {
    }

    public static FeaturesRepository parse(InputStream in) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            root = b.parse(in).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a features repository: " + e.getMessage(), e);
        }
        if (!"features".equals(name(root))) {
            throw new IOException("not a features repository: root element <" + name(root) + ">");
        }
        List<String> repos = new ArrayList<>();
        List<FeatureDef> features = new ArrayList<>();
        for (Element e : children(root)) {
            switch (name(e)) {
                case "repository" -> repos.add(text(e));
                case "feature" -> features.add(feature(e));
                default -> { /* resource repositories and the like are not used by the product */ }
            }
        }
        return new FeaturesRepository(List.copyOf(repos), List.copyOf(features));
    }

    private static FeatureDef feature(Element f) {
        List<Dependency> deps = new ArrayList<>();
        List<String> artifacts = new ArrayList<>();
        content(f, deps, artifacts);
        for (Element c : children(f)) {
            if ("conditional".equals(name(c))) {
                content(c, deps, artifacts);
            }
        }
        String version = f.getAttribute("version");
        return new FeatureDef(f.getAttribute("name"), version.isEmpty() ? "0.0.0" : version, List.copyOf(deps),
                List.copyOf(artifacts));
    }

    private static void content(Element parent, List<Dependency> deps, List<String> artifacts) {
        for (Element e : children(parent)) {
            switch (name(e)) {
                case "feature" -> deps.add(new Dependency(text(e), e.hasAttribute("version") ? e.getAttribute("version") : null));
                case "bundle", "configfile", "library" -> artifacts.add(text(e));
                default -> { /* condition, config, capability, requirement: nothing to fetch */ }
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }
}
