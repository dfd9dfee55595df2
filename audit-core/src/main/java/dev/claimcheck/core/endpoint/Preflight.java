package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.RunFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * One cheap request before a run folder is created, so an unreachable endpoint or refused
 * credentials end the command with one clear line and nothing written.
 */
public final class Preflight {
    private Preflight() {
    }

    /** GETs {baseUrl}/models; fails on connection errors and 401/403, accepts any other answer. */
    public static void check(String baseUrl, String apiKey, Map<String, String> headers, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        URI uri;
        try {
            uri = URI.create(stripSlash(baseUrl) + "/models");
        } catch (IllegalArgumentException e) {
            throw new dev.claimcheck.core.BadInputException("--base-url '" + baseUrl + "' is not a URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(request::header);
        if (apiKey != null && !apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401 || status == 403) {
                throw new EndpointAbortedException(EndpointAbortedException.Reason.AUTH,
                        baseUrl + " refused the credentials (HTTP " + status + "); check the API key environment variable");
            }
        } catch (ConnectException e) {
            throw new EndpointAbortedException(EndpointAbortedException.Reason.UNREACHABLE,
                    "cannot reach " + baseUrl + ": connection refused");
        } catch (HttpTimeoutException e) {
            throw new EndpointAbortedException(EndpointAbortedException.Reason.UNREACHABLE,
                    "cannot reach " + baseUrl + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new EndpointAbortedException(EndpointAbortedException.Reason.UNREACHABLE,
                    "cannot reach " + baseUrl + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted while reaching " + baseUrl);
        } catch (IllegalArgumentException e) {
            throw new dev.claimcheck.core.BadInputException("--base-url '" + baseUrl + "' is not usable: " + e.getMessage());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
