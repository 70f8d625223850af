package cn.gannan.hpf.core.api;

import java.util.Locale;

/**
 * One of the nine offices: the central office (州中心) or a county management department (管理部).
 *
 * @param code    stable code, e.g. {@code GN00} for the centre, {@code GN01} for Hezuo
 * @param nameZh  Chinese name
 * @param nameEn  English name
 * @param central whether this is the central office
 */
public record Office(String code, String nameZh, String nameEn, boolean central) {

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
