package cn.gannan.hpf.itests.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.gannan.hpf.itests.sample.SampleBundles;

/**
 * A TEST-ONLY features repository of sample modules (never shipped), written at test time next to the sample
 * bundle jars: {@code sample} (tables SAMPLE_ALPHA, a view), {@code sample-ui} (requires sample; its own view)
 * and {@code broken} (its migration fails, so its bundle never starts). Each feature carries the
 * {@code hpf.module} capability exactly as a business module does (bundles/modules/README.md).
 */
public final class SampleModules {

    private SampleModules() {
    }

    /** Builds the jars and the repository under {@code dir}; returns the repository's file. */
    public static Path write(Path dir) throws IOException {
        Path alpha = SampleBundles.build(dir.resolve("sample-alpha.jar"), "alpha", false).toAbsolutePath();
        Path beta = SampleBundles.build(dir.resolve("sample-beta.jar"), "beta", false).toAbsolutePath();
        Path broken = SampleBundles.build(dir.resolve("sample-broken.jar"), "broken", true).toAbsolutePath();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"hpf-test-samples\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"hpf-sample\" version=\"1.0.0\" description=\"test-only sample module\">\n"
                + "    <capability>hpf.module;hpf.module=sample;name.zh=\"示例模块\";name.en=\"Sample module\";"
                + "desc.zh=\"仅供测试\";desc.en=\"test only\";tables=\"SAMPLE_ALPHA\";schema=alpha</capability>\n"
                + "    <feature>hpf-core</feature>\n"
                + "    <feature>hpf-shell</feature>\n"
                + "    <bundle>" + alpha.toUri() + "</bundle>\n"
                + "  </feature>\n"
                + "  <feature name=\"hpf-sample-ui\" version=\"1.0.0\" description=\"test-only sample module UI\">\n"
                + "    <capability>hpf.module;hpf.module=sample-ui;name.zh=\"示例界面\";name.en=\"Sample UI\";"
                + "tables=\"SAMPLE_BETA\";schema=beta</capability>\n"
                + "    <feature>hpf-sample</feature>\n"
                + "    <bundle>" + beta.toUri() + "</bundle>\n"
                + "  </feature>\n"
                + "  <feature name=\"hpf-broken\" version=\"1.0.0\" description=\"test-only module whose migration fails\">\n"
                + "    <capability>hpf.module;hpf.module=broken;name.zh=\"损坏模块\";name.en=\"Broken module\";"
                + "tables=\"SAMPLE_BROKEN\";schema=broken</capability>\n"
                + "    <feature>hpf-core</feature>\n"
                + "    <feature>hpf-shell</feature>\n"
                + "    <bundle>" + broken.toUri() + "</bundle>\n"
                + "  </feature>\n"
                + "</features>\n";
        Path repo = dir.resolve("hpf-test-samples-features.xml").toAbsolutePath();
        Files.writeString(repo, xml, StandardCharsets.UTF_8);
        return repo;
    }
}
