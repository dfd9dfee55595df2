package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach an endpoint. {@code apiKey} is the credential itself and never leaves this object except in the
 * {@code Authorization} header: {@link #toString()} hides it and the manifest records only {@code apiKeyEnv}.
 *
 * @param baseUrl e.g. {@code http://host:port/v1}, without a trailing slash
 * @param apiFlavor the wire dialect ({@link ApiFlavor#id()})
 * @param apiKeyEnv the environment variable the key was read from (recorded, never the key)
 * @param apiKey the key, or null for none
 * @param headers extra request headers ({@code --header K:V})
 * @param connectTimeout TCP connect limit
 * @param idleTimeout the longest silence (no bytes) tolerated while waiting for headers or body
 * @param requestTimeout overall limit per try, or null for none
 * @param retry the retry policy
 * @param circuitBreakerThreshold consecutive 5xx/connection failures (all threads) that open the breaker; 0 = never
 * @param attemptHeaders send {@code X-Claimcheck-Attempt}/{@code X-Claimcheck-Retry}, for a server whose draws are
 *                       seeded per attempt and retry (real engines ignore them)
 */
public record ClientConfig(String baseUrl, String apiFlavor, String apiKeyEnv, String apiKey, Map<String, String> headers,
                           Duration connectTimeout, Duration idleTimeout, Duration requestTimeout, RetryPolicy retry,
                           int circuitBreakerThreshold, boolean attemptHeaders) {
    public static final String DEFAULT_API_KEY_ENV = "OPENAI_API_KEY";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(600);
    public static final int DEFAULT_CIRCUIT_BREAKER_THRESHOLD = 20;

    // java.net.http refuses to let callers set these; fail early with a clear message instead.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = stripSlash(baseUrl.trim());
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("bad --base-url '" + baseUrl + "': " + e.getMessage());
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new BadInputException("bad --base-url '" + baseUrl + "': expected http(s)://host[:port]/path");
        }
        apiFlavor = apiFlavor == null ? ApiFlavor.OPENAI.id() : ApiFlavor.of(apiFlavor).id();
        apiKeyEnv = apiKeyEnv == null ? DEFAULT_API_KEY_ENV : apiKeyEnv;
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new BadInputException("--header " + name + " cannot be set (the HTTP client manages it)");
            }
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        idleTimeout = positive(idleTimeout, DEFAULT_IDLE_TIMEOUT);
        requestTimeout = requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()
                ? null : requestTimeout;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        circuitBreakerThreshold = Math.max(0, circuitBreakerThreshold);
    }

    /** A builder with the defaults for a real endpoint. */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** Splits a {@code --header K:V} argument. */
    public static Map.Entry<String, String> parseHeader(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0) {
            throw new BadInputException("bad --header '" + (spec == null ? "" : spec.replaceAll(":.*", ":…"))
                    + "': expected NAME:VALUE");
        }
        String name = spec.substring(0, colon).trim();
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new BadInputException("bad --header name '" + name + "'");
        }
        return Map.entry(name, spec.substring(colon + 1).trim());
    }

    /** The server root: the base URL without a trailing {@code /v1}. */
    public String serverRoot() {
        return baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
    }

    /** A redactor for this configuration's secrets (the key and the secret header values, {@link Secrets#isSecretHeader(String, String)}). */
    public Secrets secrets() {
        var values = new java.util.ArrayList<String>();
        values.add(apiKey);
        headers.forEach((k, v) -> {
            if (Secrets.isSecretHeader(k, v)) {
                values.add(v);
            }
        });
        return Secrets.of(values);
    }

    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + baseUrl + ", apiFlavor=" + apiFlavor + ", apiKeyEnv=" + apiKeyEnv
                + ", apiKey=" + (apiKey == null ? "none" : Secrets.REDACTED) + ", headers=" + Secrets.redactHeaders(headers)
                + ", connectTimeout=" + connectTimeout + ", idleTimeout=" + idleTimeout + ", requestTimeout="
                + requestTimeout + ", retry=" + retry + ", circuitBreakerThreshold=" + circuitBreakerThreshold
                + ", attemptHeaders=" + attemptHeaders + "]";
    }

    private static String stripSlash(String s) {
        String out = s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static Duration positive(Duration d, Duration dflt) {
        return d == null || d.isZero() || d.isNegative() ? dflt : d;
    }

    /** Fluent construction with defaults; every setter is optional. */
    public static final class Builder {
        private final String baseUrl;
        private String apiFlavor = ApiFlavor.OPENAI.id();
        private String apiKeyEnv = DEFAULT_API_KEY_ENV;
        private String apiKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration requestTimeout;
        private RetryPolicy retry = RetryPolicy.defaults();
        private int circuitBreakerThreshold = DEFAULT_CIRCUIT_BREAKER_THRESHOLD;
        private boolean attemptHeaders;

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder apiFlavor(String v) { apiFlavor = v; return this; }

        public Builder apiKeyEnv(String v) { apiKeyEnv = v; return this; }

        public Builder apiKey(String v) { apiKey = v; return this; }

        /** Reads the key from the environment variable named by {@link #apiKeyEnv(String)}. */
        public Builder apiKeyFromEnvironment() { apiKey = System.getenv(apiKeyEnv); return this; }

        public Builder header(String name, String value) { headers.put(name, value); return this; }

        /** Adds a {@code --header K:V} argument. */
        public Builder header(String spec) {
            Map.Entry<String, String> e = parseHeader(spec);
            headers.put(e.getKey(), e.getValue());
            return this;
        }

        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }

        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }

        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }

        public Builder retry(RetryPolicy v) { retry = v; return this; }

        public Builder circuitBreakerThreshold(int v) { circuitBreakerThreshold = v; return this; }

        public Builder attemptHeaders(boolean v) { attemptHeaders = v; return this; }

        public ClientConfig build() {
            return new ClientConfig(baseUrl, apiFlavor, apiKeyEnv, apiKey, headers, connectTimeout, idleTimeout,
                    requestTimeout, retry, circuitBreakerThreshold, attemptHeaders);
        }
    }
}
