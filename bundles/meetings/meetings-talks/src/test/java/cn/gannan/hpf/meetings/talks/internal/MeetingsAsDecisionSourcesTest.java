package cn.gannan.hpf.meetings.talks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Msg;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.meetings.api.MeetingQuery;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingSummary;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.talks.spi.DecisionSource;

public class MeetingsAsDecisionSourcesTest {

    private final MeetingService meetings = mock(MeetingService.class);
    private final MeetingsAsDecisionSources sources = new MeetingsAsDecisionSources(meetings);
    private final Caller caller = Caller.system("GN00");

    private static MeetingSummary summary(String id, MinutesStatus status, String number) {
        return new MeetingSummary(id, "GN00", "u1", "中心党组", null, LocalDateTime.of(2017, 4, 12, 9, 0),
                "研究巡察整改谈话对象", status, number, 3, 5, 5, 1);
    }

    @Test
    public void meetingsOfTheYearExceptCancelledOnes() {
        when(meetings.find(eq(caller), eq(new MeetingQuery("GN00", 2017, null, null, null, null)), any()))
                .thenReturn(new Page<>(List.of(summary("m1", MinutesStatus.ISSUED, "〔2017〕3号"),
                        summary("m2", MinutesStatus.CANCELLED, null)), 0, 500, 2));
        List<DecisionSource> found = sources.find(caller, "GN00", 2017);
        assertEquals(1, found.size());
        DecisionSource d = found.get(0);
        assertEquals("meetings", d.sourceId());
        assertEquals("m1", d.refId());
        assertEquals(LocalDate.of(2017, 4, 12), d.date());
        assertEquals("中心党组 研究巡察整改谈话对象 〔2017〕3号（2017-04-12）", d.displayText());
    }

    @Test
    public void anUnknownMeetingIsEmpty() {
        when(meetings.get(caller, "gone")).thenThrow(new NotFoundException(Msg.core("error.notFound")));
        assertTrue(sources.get(caller, "gone").isEmpty());
    }
}
