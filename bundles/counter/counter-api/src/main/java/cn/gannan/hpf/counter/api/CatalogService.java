package cn.gannan.hpf.counter.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.counter.api.Records.BusinessType;
import cn.gannan.hpf.counter.api.Records.BusinessTypeDraft;
import cn.gannan.hpf.counter.api.Records.DocumentRequirement;
import cn.gannan.hpf.counter.api.Records.DocumentRequirementDraft;
import cn.gannan.hpf.counter.api.Records.ServiceWindow;
import cn.gannan.hpf.counter.api.Records.ServiceWindowDraft;

/**
 * The service catalogue: business types with their documents and limits (reference data the
 * centre maintains: central admins write, everyone reads), and each office's windows (office admins).
 */
@ProviderType
public interface CatalogService {

    List<BusinessType> types(Caller caller, boolean includeInactive);

    BusinessType type(Caller caller, String code);

    BusinessType createType(Caller caller, BusinessTypeDraft draft);

    BusinessType updateType(Caller caller, String id, long expectedVersion, BusinessTypeDraft draft);

    List<DocumentRequirement> documents(Caller caller, String businessCode);

    DocumentRequirement addDocument(Caller caller, DocumentRequirementDraft draft);

    void removeDocument(Caller caller, String id, long expectedVersion);

    /** The windows of an office (the caller's when null). */
    List<ServiceWindow> windows(Caller caller, String officeCode);

    ServiceWindow createWindow(Caller caller, ServiceWindowDraft draft);

    ServiceWindow updateWindow(Caller caller, String id, long expectedVersion, ServiceWindowDraft draft);
}
