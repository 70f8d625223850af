package cn.gannan.hpf.fleet.commands.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.fleet.api.WaveDraft;

public class RolloutCreateCommandTest {

    @Test
    public void readsWaves() {
        assertEquals(new WaveDraft(List.of("GN01"), 100, true), RolloutCreateCommand.parse("GN01"));
        assertEquals(new WaveDraft(List.of("GN02", "GN03", "GN04"), 75, false), RolloutCreateCommand.parse("GN02, GN03,GN04/75%/approve"));
        assertEquals(new WaveDraft(List.of("GN05"), 50, true), RolloutCreateCommand.parse("GN05/auto/50"));
        assertEquals("a bad percentage goes to the service, which names the rule", -1, RolloutCreateCommand.parse("GN05/lots").successPercent());
    }
}
