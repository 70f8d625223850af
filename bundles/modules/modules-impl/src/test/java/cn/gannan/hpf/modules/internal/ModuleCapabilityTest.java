package cn.gannan.hpf.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

public class ModuleCapabilityTest {

    @Test
    public void parsesQuotedChineseAttributes() {
        ModuleCapability c = ModuleCapability.find(List.of("osgi.service;objectClass=x",
                "hpf.module;hpf.module=meetings;name.zh=\"会议纪要\";name.en=\"Meeting register; minutes\";"
                        + "desc.zh=\"三会一课，会议记录\";desc.en=\"Meetings, minutes\";tables=\"MTG_\"")).get();
        assertEquals("meetings", c.id());
        assertEquals("会议纪要", c.nameZh());
        assertEquals("Meeting register; minutes", c.nameEn());
        assertEquals("三会一课，会议记录", c.descZh());
        assertEquals("MTG_", c.tables());
        assertEquals("schema defaults to the id", "meetings", c.schema());
    }

    @Test
    public void typedAttributesAndExplicitSchema() {
        ModuleCapability c = ModuleCapability.find(List.of(
                "hpf.module;hpf.module:String=sample;tables=sample_sample;schema=sample")).get();
        assertEquals("sample", c.id());
        assertEquals("SAMPLE_SAMPLE", c.tables());
        assertEquals("sample", c.schema());
        assertNull(c.nameZh());
    }

    @Test
    public void uiModuleWithoutTables() {
        ModuleCapability c = ModuleCapability.find(List.of("hpf.module;hpf.module=meetings-ui")).get();
        assertNull(c.tables());
        assertNull(c.schema());
    }

    @Test
    public void otherCapabilitiesAreNotModules() {
        assertFalse(ModuleCapability.find(List.of("osgi.extender;osgi.extender=osgi.component")).isPresent());
        assertFalse(ModuleCapability.find(List.of()).isPresent());
    }

    @Test
    public void refusesBadIdsAndCoreTablePrefixes() {
        assertThrows(IllegalArgumentException.class, () -> ModuleCapability.find(List.of("hpf.module;name.zh=x")));
        assertThrows(IllegalArgumentException.class, () -> ModuleCapability.find(List.of("hpf.module;hpf.module=Bad Id")));
        assertThrows(IllegalArgumentException.class,
                () -> ModuleCapability.find(List.of("hpf.module;hpf.module=x;tables=HPF_")));
        assertThrows(IllegalArgumentException.class,
                () -> ModuleCapability.find(List.of("hpf.module;hpf.module=x;tables=A")));
    }
}
