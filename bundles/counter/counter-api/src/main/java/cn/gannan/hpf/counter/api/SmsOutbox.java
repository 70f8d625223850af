package cn.gannan.hpf.counter.api;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.counter.api.Records.SmsMessage;

/** The outbox for admins: every message with its delivery status; retry of failed ones. */
@ProviderType
public interface SmsOutbox {

    Page<SmsMessage> find(Caller caller, String officeCode, SmsStatus status, PageRequest page);

    /** Puts a failed or outbox message back in the queue of the configured gateway. */
    SmsMessage retry(Caller caller, String id);

    /** The name of the delivering gateway ("outbox" when none is configured). */
    String gatewayName();
}
