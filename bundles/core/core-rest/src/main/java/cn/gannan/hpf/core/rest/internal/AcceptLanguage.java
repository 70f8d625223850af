package cn.gannan.hpf.core.rest.internal;

import java.util.List;
import java.util.Locale;

import cn.gannan.hpf.core.api.Msg;

/**
 * Picks the message locale from an Accept-Language header. The product speaks simplified Chinese
 * (the default) and English; the first of those the client weighs highest wins.
 */
public final class AcceptLanguage {

    private AcceptLanguage() {
    }

    public static Locale parse(String header) {
        if (header == null || header.isBlank()) {
            return Msg.ZH_CN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header); // sorted by weight, highest first
        } catch (IllegalArgumentException e) {
            return Msg.ZH_CN;
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            String range = r.getRange().toLowerCase(Locale.ROOT);
            String language = range.split("-", 2)[0];
            if ("*".equals(language) || "zh".equals(language)) {
                return Msg.ZH_CN;
            }
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
        }
        return Msg.ZH_CN;
    }
}
