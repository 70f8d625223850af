package cn.gannan.hpf.counter.api;

import org.osgi.annotation.versioning.ConsumerType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.counter.api.Records.SmsMessage;

/**
 * Sends an SMS. Every message is first written to the outbox table (nothing is lost while no
 * gateway is configured); a configured HTTP gateway then delivers it, with retries.
 */
@ConsumerType
public interface SmsGateway {

    /** Records (and, with a gateway, queues for delivery) a message; joins the caller's transaction. */
    SmsMessage send(Caller caller, String officeCode, String phone, String text, String subjectId);
}
