package lt.smssafe.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.smssafe.i18n.Language;

/**
 * The buyer's pages in another language: {@code ?lang=lt} chooses it for this page and every link on it (in the
 * link, not a cookie, so that a shared link shows the same page), and the switch offers the same page in each
 * language with everything else it was asked for kept.
 */
public final class LanguageLinks {
    /** One language of the switch. */
    public record Link(String code, String name, String url, boolean current) {
    }

    private LanguageLinks() {
    }

    /** The language asked for with {@code lang}, if it is one of ours. */
    static Optional<Language> chosen(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        try {
            return lang == null ? Optional.empty() : Optional.of(Language.parse(lang));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Sets {@code lang} (the page's language), {@code langParam} (to carry in links) and {@code languages}. */
    static Language apply(HttpServletRequest request, Language configured) {
        Optional<Language> chosen = chosen(request);
        Language language = chosen.orElse(configured);
        request.setAttribute("lang", language.code());
        chosen.ifPresent(c -> request.setAttribute("langParam", c.code()));
        List<Link> links = new ArrayList<>();
        for (Language other : Language.values()) {
            links.add(new Link(other.code(), name(other), url(request, other), other == language));
        }
        request.setAttribute("languages", links);
        return language;
    }

    private static String name(Language language) {
        return switch (language) {
            case EN -> "English";
            case LT -> "Lietuvių";
            case RU -> "Русский";
        };
    }

    private static String url(HttpServletRequest request, Language language) {
        StringBuilder url = new StringBuilder(request.getContextPath()).append(request.getServletPath()).append('?');
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().equals("lang")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                url.append(encode(parameter.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        return url.append("lang=").append(language.code()).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
