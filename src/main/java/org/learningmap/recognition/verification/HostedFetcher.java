package org.learningmap.recognition.verification;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches another issuer's hosted Open Badges 2.0 documents for "Verify a badge", and nothing else:
 * only {@code http}/{@code https} on the default or a high port, never an address of this machine
 * or of a private, link-local or multicast network (so an uploaded badge cannot make the server
 * reach into its own network), redirects followed by hand and checked the same way, short
 * timeouts, and at most {@value #MAX_BYTES} bytes read. The host's addresses are checked just
 * before connecting; a name whose address changes between that check and the connection (DNS
 * rebinding) is not caught here, so a deployment that must rule it out also limits outgoing traffic
 * at its network's edge.
 */
class HostedFetcher {

    static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_REDIRECTS = 3;

    /** The answer: status and body ({@code null} when the address was refused or unreachable). */
    record Fetched(int status, String body, String refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(4))
            .build();

    Fetched get(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Fetched(0, null, "recognition-verification.fetch.bad-address");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String refusal = refusal(uri);
            if (refusal != null) {
                return new Fetched(0, null, refusal);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(6))
                        .header("Accept", "application/ld+json, application/json").GET().build();
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                    response.body().close();
                    uri = uri.resolve(response.headers().firstValue("Location").get());
                    continue;
                }
                try (InputStream body = response.body()) {
                    byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        return new Fetched(status, null, "recognition-verification.fetch.too-large");
                    }
                    return new Fetched(status, new String(bytes, StandardCharsets.UTF_8), null);
                }
            } catch (IOException e) {
                return new Fetched(0, null, "recognition-verification.fetch.unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fetched(0, null, "recognition-verification.fetch.unreachable");
            } catch (IllegalArgumentException e) {
                return new Fetched(0, null, "recognition-verification.fetch.bad-address");
            }
        }
        return new Fetched(0, null, "recognition-verification.fetch.too-many-redirects");
    }

    /** Why this address may not be fetched, or {@code null} when it may. */
    static String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "recognition-verification.fetch.not-web";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "recognition-verification.fetch.bad-address";
        }
        int port = uri.getPort();
        if (port != -1 && port != 80 && port != 443 && port < 1024) {
            return "recognition-verification.fetch.private";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return "recognition-verification.fetch.private";
                }
            }
        } catch (UnknownHostException e) {
            return "recognition-verification.fetch.unreachable";
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first >= 224 // "this network", multicast and reserved
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)); // benchmarking
    }
}
