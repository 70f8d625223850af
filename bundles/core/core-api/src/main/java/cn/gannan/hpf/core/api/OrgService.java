package cn.gannan.hpf.core.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Org units as a tree per office, and memberships with posts. */
@ProviderType
public interface OrgService {

    /** All org units the caller may read, optionally of one office, ordered for a tree. */
    List<OrgUnit> units(Caller caller, String officeCode);

    OrgUnit unit(Caller caller, String id);

    /** Office admins and central admins only. */
    OrgUnit create(Caller caller, OrgUnitDraft draft);

    OrgUnit update(Caller caller, String id, long expectedVersion, OrgUnitDraft draft);

    /** Refused while the unit has children or current members. */
    void delete(Caller caller, String id, long expectedVersion);

    /** Current and past memberships of a unit. */
    List<Membership> members(Caller caller, String orgUnitId, boolean currentOnly);

    List<Membership> membershipsOf(Caller caller, String personId);

    Membership addMember(Caller caller, String orgUnitId, String personId, Post post, java.time.LocalDate since);

    /** Ends a membership (history is kept). */
    Membership endMembership(Caller caller, String membershipId, long expectedVersion, java.time.LocalDate until);
}
