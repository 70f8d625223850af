package cn.gannan.hpf.meetings.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gannan.hpf.core.api.doc.PrintDocument;
import cn.gannan.hpf.core.api.doc.PrintDocument.Block;
import cn.gannan.hpf.meetings.api.Attendee;
import cn.gannan.hpf.meetings.api.AttendeeKind;
import cn.gannan.hpf.meetings.api.Meeting;
import cn.gannan.hpf.meetings.api.MinutesStatus;
import cn.gannan.hpf.meetings.api.Signature;
import cn.gannan.hpf.meetings.api.Topic;
import cn.gannan.hpf.meetings.api.VoteResult;

/** The minutes of a meeting in the official layout (会议纪要), as a printable document. */
final class Minutes {

    private static final String[] ZH_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Minutes() {
    }

    static PrintDocument document(Meeting m, Map<String, String> categories, Locale locale) {
        boolean zh = locale == null || "zh".equals(locale.getLanguage());
        DateTimeFormatter time = zh ? ZH_TIME : EN_TIME;
        List<Block> blocks = new ArrayList<>();
        if (m.status() != MinutesStatus.ISSUED) {
            blocks.add(new PrintDocument.Paragraph(Texts.text(locale, "print.notIssued", Texts.text(locale,
                    m.status().messageKey()))));
        }
        if (m.revision() > 1) {
            blocks.add(new PrintDocument.Paragraph(Texts.text(locale, "print.revision", m.revision(),
                    m.correctionReason() == null ? "" : m.correctionReason())));
        }
        blocks.add(new PrintDocument.Field(Texts.text(locale, "print.time"), m.startAt().format(time)
                + (m.endAt() == null ? "" : " – " + m.endAt().format(DateTimeFormatter.ofPattern("HH:mm")))));
        blocks.add(new PrintDocument.Field(Texts.text(locale, "print.place"), m.place() == null ? "" : m.place()));
        blocks.add(new PrintDocument.Field(Texts.text(locale, "print.chair"), m.chairName() == null ? "" : m.chairName()));
        blocks.add(new PrintDocument.Field(Texts.text(locale, "print.recorder"),
                m.recorderName() == null ? "" : m.recorderName()));
        String sep = zh ? "、" : ", ";
        List<Attendee> members = m.attendees().stream().filter(a -> a.kind() == AttendeeKind.MEMBER).toList();
        blocks.add(new PrintDocument.Field(Texts.text(locale, "print.present", m.quorum().expected(), m.quorum().present()),
                members.stream().filter(Attendee::present).map(Attendee::name).collect(Collectors.joining(sep))));
        String absent = members.stream().filter(a -> !a.present())
                .map(a -> a.name() + (a.absenceReason() == null ? "" : (zh ? "（" + a.absenceReason() + "）"
                        : " (" + a.absenceReason() + ")"))).collect(Collectors.joining(sep));
        if (!absent.isEmpty()) {
            blocks.add(new PrintDocument.Field(Texts.text(locale, "print.absent"), absent));
        }
        String invited = m.attendees().stream().filter(a -> a.kind() == AttendeeKind.INVITED).map(Attendee::name)
                .collect(Collectors.joining(sep));
        if (!invited.isEmpty()) {
            blocks.add(new PrintDocument.Field(Texts.text(locale, "print.invited"), invited));
        }
        if (m.notes() != null) {
            blocks.add(new PrintDocument.Paragraph(m.notes()));
        }
        if (!m.topics().isEmpty()) {
            blocks.add(new PrintDocument.Heading(Texts.text(locale, "print.topics", m.topics().size())));
        }
        for (Topic t : m.topics()) {
            String n = zh && t.seq() <= ZH_NUMBERS.length ? ZH_NUMBERS[t.seq() - 1] + "、" : t.seq() + ". ";
            blocks.add(new PrintDocument.Heading(n + t.title()));
            String meta = Texts.text(locale, "print.topicMeta", categories.getOrDefault(t.categoryCode(), t.categoryCode()),
                    t.submittedBy() == null ? "—" : t.submittedBy(), t.presenter() == null ? "—" : t.presenter());
            blocks.add(new PrintDocument.Paragraph(meta));
            if (t.summary() != null) {
                blocks.add(new PrintDocument.Paragraph(t.summary()));
            }
            if (t.decision() != null) {
                blocks.add(new PrintDocument.Field(Texts.text(locale, "print.decision"), t.decision()));
            }
            if (t.voteResult() != VoteResult.NONE) {
                blocks.add(new PrintDocument.Field(Texts.text(locale, "print.vote"), Texts.text(locale, "print.voteLine",
                        t.votesFor(), t.votesAgainst(), t.votesAbstain(), Texts.text(locale, t.voteResult().messageKey()))));
            }
        }
        Set<String> signed = m.signatures().stream().map(Signature::personId).collect(Collectors.toSet());
        List<String> names = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (Attendee a : members) {
            if (a.leadership() && a.present()) {
                names.add(a.name());
                dates.add(m.signatures().stream().filter(s -> s.personId().equals(a.personId())).findFirst()
                        .map(s -> DATE.format(s.signedAt().atZone(MeetingServiceImpl.OFFICE_ZONE))).orElse(""));
            }
        }
        if (!names.isEmpty()) {
            blocks.add(new PrintDocument.Signatures(Texts.text(locale, "print.cosign"), names, dates));
        }
        String title = Texts.text(locale, "print.title", m.bodyName(), Texts.text(locale, m.type().messageKey()));
        return new PrintDocument(m.bodyName(), title, m.numberText(), blocks);
    }
}
