package cn.gannan.hpf.meetings.talks.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.NotFoundException;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MeetingQuery;
import cn.gannan.hpf.meetings.api.MeetingService;
import cn.gannan.hpf.meetings.api.MeetingSummary;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.talks.spi.DecisionSource;
import cn.gannan.hpf.talks.spi.DecisionSourceProvider;

/**
 * The talk log links a talk to the meeting that decided it (e.g. the party group deciding the talk targets from an
 * inspection's findings). Installed only when both modules are (a conditional of the {@code hpf-meetings} feature);
 * it depends on their APIs only, and every read goes through the meeting service's own office and role checks.
 */
@Component(service = DecisionSourceProvider.class)
public class MeetingsAsDecisionSources implements DecisionSourceProvider {

    static final String SOURCE = "meetings";
    /** Enough for a year of one office's meetings (the centre held about 130 in 2017). */
    static final int MAX = 500;

    private final MeetingService meetings;

    @Activate
    public MeetingsAsDecisionSources(@Reference MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public String sourceId() {
        return SOURCE;
    }

    @Override
    public List<DecisionSource> find(Caller caller, String officeCode, int year) {
        return meetings.find(caller, new MeetingQuery(officeCode, year, null, null, null, null), new PageRequest(0, MAX))
                .items().stream().filter(m -> m.status() != MinutesStatus.CANCELLED).map(MeetingsAsDecisionSources::of)
                .toList();
    }

    @Override
    public Optional<DecisionSource> get(Caller caller, String refId) {
        try {
            Meeting m = meetings.get(caller, refId);
            return Optional.of(new DecisionSource(SOURCE, m.id(), m.officeCode(), m.startAt().toLocalDate(),
                    m.bodyId(), display(m.bodyName(), m.subject(), m.numberText(), m.startAt().toLocalDate())));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static DecisionSource of(MeetingSummary m) {
        return new DecisionSource(SOURCE, m.id(), m.officeCode(), m.startAt().toLocalDate(), m.bodyId(),
                display(m.bodyName(), m.subject(), m.numberText(), m.startAt().toLocalDate()));
    }

    /** e.g. "中心党组 研究巡察整改谈话对象 〔2017〕3号（2017-04-12）". */
    static String display(String body, String subject, String number, java.time.LocalDate date) {
        StringBuilder sb = new StringBuilder();
        if (body != null) {
            sb.append(body).append(' ');
        }
        sb.append(subject == null ? "" : subject);
        if (number != null && !number.isBlank()) {
            sb.append(' ').append(number);
        }
        return sb.append('（').append(date).append('）').toString().strip();
    }
}
