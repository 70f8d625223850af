package cn.gannan.hpf.counter.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.Page;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.counter.api.Records.Rating;
import cn.gannan.hpf.counter.api.Records.RatingDraft;
import cn.gannan.hpf.counter.api.Records.Rectification;

/**
 * Ratings (好差评) 1–5 after a service; a bad rating (at most the configured threshold, 2 by
 * default) opens a rectification item due in a set number of working days, with a callback record.
 */
@ProviderType
public interface RatingService {

    Rating rate(Caller caller, RatingDraft draft);

    Page<Rating> ratings(Caller caller, String officeCode, PageRequest page);

    List<Rectification> rectifications(Caller caller, String officeCode, boolean openOnly);

    /** Records the callback to the rater. */
    Rectification callback(Caller caller, String id, long expectedVersion, String note);

    /** Closes the item with what was fixed; needs the callback first. */
    Rectification close(Caller caller, String id, long expectedVersion, String fixNote);
}
