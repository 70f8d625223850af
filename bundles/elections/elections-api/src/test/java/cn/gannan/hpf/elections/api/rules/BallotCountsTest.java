package cn.gannan.hpf.elections.api.rules;

import static cn.gannan.hpf.elections.api.rules.Fixtures.*;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Ballots issued against voters present, returned against issued. */
@RunWith(Parameterized.class)
public class BallotCountsTest {

    @Parameters(name = "present {0}, issued {1}, returned {2}")
    public static Collection<Object[]> cases() {
        return Arrays.asList(new Object[][] {
            // present, issued, returned, issued ok, returned ok
            {30, 30, 30, true, true},
            {30, 30, 29, true, true},    // fewer returned: the round stands
            {30, 30, 31, true, false},   // one more returned than issued: the whole round is void
            {30, 29, 30, true, false},
            {30, 31, 31, false, true},   // more issued than voters present
            {30, 0, 0, false, true},
            {1, 1, 1, true, true},
            {1, 1, 2, true, false},
        });
    }

    private final int present;
    private final int issued;
    private final int returned;
    private final boolean issuedOk;
    private final boolean returnedOk;

    public BallotCountsTest(int present, int issued, int returned, boolean issuedOk, boolean returnedOk) {
        this.present = present;
        this.issued = issued;
        this.returned = returned;
        this.issuedOk = issuedOk;
        this.returnedOk = returnedOk;
    }

    @Test
    public void counts() {
        assertEquals(issuedOk, ElectionRules.issued(issued, present).passed());
        assertEquals(returnedOk, ElectionRules.returned(issued, returned).passed());
    }

    @Test
    public void voidRoundMessage() {
        assertEquals("收回选票 31 张，多于发出的 30 张：本轮选举无效，应重新投票。",
                zh(ElectionRules.returned(30, 31).message()));
        assertEquals("发出选票 31 张，多于实到会有选举权的 30 人。", zh(ElectionRules.issued(31, 30).message()));
    }
}
