package cn.gannan.hpf.meetings.api;

/** A topic category (reference data): 党建, 党廉, 重大事项 … */
public record Category(String code, String nameZh, String nameEn, int sortOrder, boolean active, long version) {

    public String name(java.util.Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
