package cn.gannan.hpf.rooms.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;

/** Inspections of the rooms and their rectification items, closed one by one. */
@ProviderType
public interface InspectionService {

    Page<Inspection> find(Caller caller, InspectionQuery query, PageRequest page);

    Inspection get(Caller caller, String id);

    /** Records an inspection with the conformance found now (against the current standard). */
    Inspection create(Caller caller, InspectionDraft draft);

    Inspection update(Caller caller, String id, long expectedVersion, InspectionDraft draft);

    List<Rectification> rectifications(Caller caller, String inspectionId);

    Rectification addRectification(Caller caller, String inspectionId, RectificationDraft draft);

    /** Closes one item with what was done; not before the inspection, not in the future. */
    Rectification close(Caller caller, String rectificationId, long expectedVersion, LocalDate closedOn, String note);

    /** Open items of one office or the caller's scope, the most overdue first. */
    List<Rectification> openRectifications(Caller caller, String officeCode);
}
