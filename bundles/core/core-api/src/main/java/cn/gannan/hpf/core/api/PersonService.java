package cn.gannan.hpf.core.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The staff directory. */
@ProviderType
public interface PersonService {

    Page<Person> find(Caller caller, PersonQuery query, PageRequest page);

    Person get(Caller caller, String id);

    Person create(Caller caller, PersonDraft draft);

    /** Changes everything but the political status. */
    Person update(Caller caller, String id, long expectedVersion, PersonDraft draft);

    /**
     * Changes the political status and records the change in the history. The effective date may not lie
     * before the last recorded change's (the history stays in order); {@link PoliticalStatus#PARTY_PROBATION}
     * (留党察看) applies to full members only.
     */
    Person changeStatus(Caller caller, String id, long expectedVersion, PoliticalStatus status, LocalDate effective, String note);

    List<StatusChange> statusHistory(Caller caller, String personId);

    /**
     * The political status on a day, from the history ({@link StatusChange#statusOn}): what an election or a
     * meeting on that day must go by (e.g. a member under 留党察看 on the day of a vote has no vote).
     */
    PoliticalStatus statusOn(Caller caller, String personId, LocalDate day);

    /** Marks a person as having left (the record stays). */
    Person deactivate(Caller caller, String id, long expectedVersion);
}
