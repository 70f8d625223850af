package cn.gannan.hpf.core.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A message to be shown to a person: a key in a resource bundle, with arguments. The bundle is
 * looked up with the class loader of the module that owns it, so every module localizes its own
 * messages and errors.
 */
public final class Msg {

    /** The core's message bundle. */
    public static final String CORE_BUNDLE = "cn.gannan.hpf.core.api.Messages";

    /** The default locale of the product: simplified Chinese. */
    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    private final String baseName;
    private final ClassLoader loader;
    private final String key;
    private final Object[] args;

    public Msg(String baseName, ClassLoader loader, String key, Object... args) {
        this.baseName = Objects.requireNonNull(baseName);
        this.loader = Objects.requireNonNull(loader);
        this.key = Objects.requireNonNull(key);
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** A message from the core bundle. */
    public static Msg core(String key, Object... args) {
        return new Msg(CORE_BUNDLE, Msg.class.getClassLoader(), key, args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The text in the given locale; falls back to the key itself when it is not in the bundle. */
    public String format(Locale locale) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(baseName, locale == null ? ZH_CN : locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            try {
                pattern = ResourceBundle.getBundle(baseName, Locale.ROOT, loader).getString(key);
            } catch (MissingResourceException e2) {
                return key;
            }
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Msg nested) {
                shown[i] = nested.format(locale); // e.g. an entity name, in the same language
            }
        }
        return new MessageFormat(pattern, locale == null ? ZH_CN : locale).format(shown);
    }

    @Override
    public String toString() {
        return format(Locale.ENGLISH);
    }
}
