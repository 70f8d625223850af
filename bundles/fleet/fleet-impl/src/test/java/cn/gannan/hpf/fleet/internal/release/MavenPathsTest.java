package cn.gannan.hpf.fleet.internal.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MavenPathsTest {

    @Test
    public void mapsKarafUrlsToRepositoryPaths() {
        assertEquals("cn/gannan/hpf/core-impl/0.2.0/core-impl-0.2.0.jar", MavenPaths.path("mvn:cn.gannan.hpf/core-impl/0.2.0"));
        assertEquals("org/apache/karaf/features/standard/4.4.10/standard-4.4.10-features.xml",
                MavenPaths.path("mvn:org.apache.karaf.features/standard/4.4.10/xml/features"));
        assertEquals("org/ops4j/pax/web/pax-web-features/8.0.34/pax-web-features-8.0.34-config-jetty.xml",
                MavenPaths.path("mvn:org.ops4j.pax.web/pax-web-features/8.0.34/xml/config-jetty"));
        assertEquals("a/b/1/b-1.jar", MavenPaths.path("wrap:mvn:a/b/1$Bundle-SymbolicName=x&Bundle-Version=1"));
        assertEquals("a/b/1/b-1.war", MavenPaths.path("war:mvn:a/b/1/war?Web-ContextPath=x"));
        assertEquals("a/b/1/b-1.jar", MavenPaths.path("mvn:https://repo.example/maven2!a/b/1"));
        assertEquals("a/b/1.0-SNAPSHOT/b-1.0-SNAPSHOT-tests.jar", MavenPaths.path("mvn:a/b/1.0-SNAPSHOT/jar/tests"));
        assertTrue(MavenPaths.isMaven("blueprint:mvn:a/b/1"));
        assertFalse(MavenPaths.isMaven("file:/tmp/x.jar"));
    }

    @Test
    public void refusesWhatHasNoFixedVersion() {
        for (String u : new String[] { "file:/tmp/x.jar", "mvn:a/b", "mvn:a/b/LATEST", "mvn:a/b/[1,2)", "mvn:a/b/1/jar/c/d",
                "mvn:a/b/../jar" }) {
            assertThrows(u, IllegalArgumentException.class, () -> MavenPaths.path(u));
        }
    }

    @Test
    public void readsFeatureVersionsAsKarafDoes() {
        assertEquals("0.1.0.SNAPSHOT", FeatureVersions.clean("0.1.0-SNAPSHOT").toString());
        assertEquals("1.2.0", FeatureVersions.clean("1.2").toString());
        assertEquals("2.8.2.vaadin2", FeatureVersions.clean("2.8.2.vaadin2").toString());
        assertTrue(FeatureVersions.satisfies(null, "4.4.10"));
        assertTrue(FeatureVersions.satisfies("0.0.0", "4.4.10"));
        assertTrue(FeatureVersions.satisfies("[2.18,2.19)", "2.18.3"));
        assertFalse(FeatureVersions.satisfies("[2.18,2.19)", "2.19.0"));
        assertTrue(FeatureVersions.satisfies("0.1.0-SNAPSHOT", "0.1.0.SNAPSHOT"));
        assertFalse("a bare version is exact", FeatureVersions.satisfies("4.4.10", "4.4.11"));
    }
}
