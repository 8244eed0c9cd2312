package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ceerules.api.Center;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded rule set loads and routes the same whatever the default locale: digits that are not
 * ASCII (Arabic-Indic, Persian, Thai, Devanagari) and Turkish case mapping ({@code "i".toUpperCase()}
 * is {@code "İ"}) must not reach a key, a code or a message. Each locale builds a new router.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocaleMatrixTest {

    private DroolsRouter root;

    private static List<RoutingRequest> requests() {
        return List.of(Requests.participant().build(),
                Requests.participant().line("8543.70.9960", "1000").build(),
                Requests.assigned(Center.BASE_METALS).line("7208.10.1500", "2500.50").build(),
                Requests.assigned(Center.APPAREL_FOOTWEAR_TEXTILES).line("6109.10.0012", "12").on("2018-03-01")
                        .build(),
                Requests.unassigned().line("3004.90.9290", "99").build(),
                Requests.participant().type("23").port("5101").build());
    }

    private static <T> T inLocale(Locale locale, Supplier<T> action) {
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(locale);
            return action.get();
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
    }

    @BeforeAll
    void rootLocaleRouter() {
        root = inLocale(Locale.ROOT, DroolsRouter::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-SA", "fa-IR", "th-TH-u-nu-thai", "hi-IN-u-nu-deva", "tr-TR", "de-DE"})
    void aNewRouterBuiltInTheLocaleRoutesAsInTheRootLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Locale before = Locale.getDefault();
        List<Object> inLocale = inLocale(locale, () -> {
            DroolsRouter router = new DroolsRouter();
            assertThat(router).isNotSameAs(EmbeddedRouter.ROUTER);
            return List.of(router.rulesVersion(), router.rules(),
                    requests().stream().map(router::route).toList(),
                    requests().stream().map(router::explain).toList());
        });
        assertThat(Locale.getDefault()).as("the default locale is restored").isEqualTo(before);
        List<RoutingResult> routed = requests().stream().map(root::route).toList();
        List<RoutingResult> explained = requests().stream().map(root::explain).toList();
        assertThat(inLocale.get(0)).isEqualTo(root.rulesVersion());
        assertThat(inLocale.get(1)).isEqualTo(root.rules());
        assertThat(inLocale.get(2)).isEqualTo(routed);
        assertThat(inLocale.get(3)).isEqualTo(explained);
    }
}
