package cn.gannan.hpf.fleet.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.AuditEntry;
import cn.gannan.hpf.core.api.Caller;

/**
 * The centre's view of the county offices and their credentials. Reading needs the central admin or auditor
 * role, changing the central admin role; every change is audited.
 */
@ProviderType
public interface FleetService {

    /** Every county office with its desired and reported state. */
    List<FleetOffice> offices(Caller caller);

    FleetOffice office(Caller caller, String officeCode);

    /**
     * Issues the office's credential for the fleet endpoint, replacing any earlier one. The token is shown only
     * here: the centre keeps its SHA-256.
     */
    String issueToken(Caller caller, String officeCode);

    /** Revokes the office's credential: its agent is refused until a new one is issued. */
    void revokeToken(Caller caller, String officeCode);

    /** Sets the modules the office should have enabled; null hands the choice back to the office. */
    void setDesiredModules(Caller caller, String officeCode, List<String> modules);

    /** The fleet's history of actions (audit lines of the fleet module), newest first. */
    List<AuditEntry> history(Caller caller, String officeCode, int limit);
}
