package cn.gannan.hpf.itests.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds the test-only sample module bundle from this package's compiled classes: a working one, or one whose
 * migration script fails (so the module never contributes its view and the admin page shows why).
 */
public final class SampleBundles {

    private static final String PKG = "cn/gannan/hpf/itests/sample/";

    private SampleBundles() {
    }

    /** Writes the bundle jar to {@code out} and returns it. */
    public static Path build(Path out, String id, boolean brokenMigration) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "cn.gannan.hpf.itests.sample." + id);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Name", "HPF test-only sample module " + id);
        a.putValue("Bundle-Activator", SampleModuleActivator.class.getName());
        a.putValue(SampleModuleActivator.ID_HEADER, id);
        a.putValue("Import-Package", "org.osgi.framework,org.osgi.util.tracker,cn.gannan.hpf.core.api.spi,"
                + "cn.gannan.hpf.shell.api,cn.gannan.hpf.core.api,com.vaadin.ui,com.vaadin.server,"
                + "com.vaadin.shared.ui,com.vaadin.shared");
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file, mf)) {
            for (Class<?> c : new Class<?>[] {SampleModuleActivator.class, SampleView.class}) {
                copy(jar, c.getName().replace('.', '/') + ".class");
            }
            // anonymous tracker subclass
            copy(jar, PKG + "SampleModuleActivator$1.class");
            copy(jar, PKG + "Messages.properties");
            copy(jar, PKG + "Messages_zh_CN.properties");
            String sql = brokenMigration
                    ? "CREATE TABLE SAMPLE_" + id.toUpperCase() + " (ID VARCHAR(36) NOT NULL PRIMARY KEY)\n;\n"
                            + "INSERT INTO NO_SUCH_TABLE_" + id.toUpperCase() + " VALUES (1)\n;\n"
                    : "CREATE TABLE SAMPLE_" + id.toUpperCase() + " (ID VARCHAR(36) NOT NULL PRIMARY KEY)\n;\n";
            jar.putNextEntry(new JarEntry("db/" + id + "/V1__sample_schema.sql"));
            jar.write(sql.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out;
    }

    private static void copy(JarOutputStream jar, String resource) throws IOException {
        try (InputStream in = SampleBundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not on the test class path: " + resource);
            }
            jar.putNextEntry(new JarEntry(resource));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
