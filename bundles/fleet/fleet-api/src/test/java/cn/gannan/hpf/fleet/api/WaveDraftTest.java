package cn.gannan.hpf.fleet.api;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class WaveDraftTest {

    @Test
    public void readsTheTextFormOfAWave() {
        assertEquals(new WaveDraft(List.of("GN01"), 100, true), WaveDraft.parse("GN01"));
        assertEquals(new WaveDraft(List.of("GN02", "GN03", "GN04"), 75, false), WaveDraft.parse("GN02, GN03,GN04/75%/approve"));
        assertEquals(new WaveDraft(List.of("GN05", "GN06"), 50, true), WaveDraft.parse("GN05，GN06/auto/50"));
        assertEquals("a bad percentage goes to the service, which names the rule", -1, WaveDraft.parse("GN05/lots").successPercent());
        assertEquals(List.of(), WaveDraft.parse(" ").offices());
    }
}
