/**
 * The public API of cee-rules: immutable, validated request and decision records, the
 * {@link org.ceerules.api.Router} interface and the {@link org.ceerules.api.Routers} entry point.
 * Implementations are found through {@link java.util.ServiceLoader}.
 */
module org.ceerules.api {
    exports org.ceerules.api;
    exports org.ceerules.api.spi;

    uses org.ceerules.api.spi.RouterProvider;
}
