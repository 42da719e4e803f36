package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A kept page is compressed once, part by part; each visitor's answer puts their own token between
 * the compressed parts. What a browser unpacks must be the page with that token, byte for byte.
 */
class KeptPagesCompressedOnceTest {

    @Test
    void thePageUnpackedIsThePageWithTheVisitorsToken() throws IOException {
        Random random = new Random(7);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"lt\"><body>");
        for (int i = 0; i < 400; i++) {
            html.append("<li class=\"card\"><a href=\"/activities/").append(random.nextInt(100_000)).append("\">Kompiuterio pradžiamokslis ")
                    .append(i).append("</a> – Šiauliai, ").append(random.nextInt(28) + 1).append(" gruodžio</li>\n");
        }
        String page = html.append("</body></html>").toString();
        String[] tokenPlaces = {"<form><input name=\"_csrf\" value=\"", "\"></form><main>", "<form><input name=\"_csrf\" value=\"",
                "\"></form>"};
        byte[][] parts = {
                (page.substring(0, 2000) + tokenPlaces[0]).getBytes(StandardCharsets.UTF_8),
                (tokenPlaces[1] + page.substring(2000, 20000) + tokenPlaces[2]).getBytes(StandardCharsets.UTF_8),
                (tokenPlaces[3] + page.substring(20000)).getBytes(StandardCharsets.UTF_8),
                new byte[0]};
        byte[][] deflated = AnonymousAnswers.deflatedParts(parts);
        for (String token : new String[] {"", "a", "UGx1c2ggdGhlIHRva2VuIHRvIGEgcGFnZSBrZXB0IGZvciBldmVyeSB2aXNpdG9y-_9876543210",
                "ž".repeat(300)}) {
            byte[] value = token.getBytes(StandardCharsets.UTF_8);
            byte[] gzip = AnonymousAnswers.gzipJoined(parts, deflated, value);
            byte[] unpacked;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
                unpacked = in.readAllBytes();
            }
            assertThat(unpacked).as("token of %d bytes", value.length).isEqualTo(AnonymousAnswers.join(parts, value));
            assertThat(gzip.length).as("compressed").isLessThan(AnonymousAnswers.join(parts, value).length / 3);
        }
    }
}
