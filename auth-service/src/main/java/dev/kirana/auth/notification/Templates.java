package dev.kirana.auth.notification;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** A notification's title and body in the reader's language, from {@code notifications/messages[_hi].properties}. */
final class Templates {
    private static final String BUNDLE = "notifications.messages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    record Text(String title, String body) {
    }

    static Text render(NotificationKind kind, String language, List<String> args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language == null ? "en" : language), NO_FALLBACK);
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        Object[] values = args.toArray();
        return new Text(new MessageFormat(bundle.getString(kind.template() + ".title"), locale).format(values),
                new MessageFormat(bundle.getString(kind.template() + ".body"), locale).format(values));
    }

    private Templates() {
    }
}
