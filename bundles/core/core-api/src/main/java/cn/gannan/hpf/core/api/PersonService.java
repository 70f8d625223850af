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

    /** Changes the political status and records the change in the history. */
    Person changeStatus(Caller caller, String id, long expectedVersion, PoliticalStatus status, LocalDate effective, String note);

    List<StatusChange> statusHistory(Caller caller, String personId);

    /** Marks a person as having left (the record stays). */
    Person deactivate(Caller caller, String id, long expectedVersion);
}
