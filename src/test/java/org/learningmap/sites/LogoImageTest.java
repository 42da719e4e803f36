package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class LogoImageTest {

    /** A PNG carrying a text chunk, as cameras and editors leave behind (author, place, software). */
    private static byte[] pngWithHiddenText(String text) throws Exception {
        byte[] png = SiteAdministrationTest.png(300, 100);
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    @Test
    void hiddenTextInTheFileIsNotKept() throws Exception {
        byte[] upload = pngWithHiddenText("GPS 54.6872 25.2797 secret-location");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("secret-location");
        LogoImage.Processed logo = LogoImage.process(upload);
        assertThat(logo.contentType()).isEqualTo("image/png");
        assertThat(new String(logo.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-location");
    }

    @Test
    void aTallPictureIsShrunkToFitTheBoxKeepingItsProportions() throws Exception {
        LogoImage.Processed logo = LogoImage.process(SiteAdministrationTest.png(400, 1000));
        assertThat(logo.height()).isEqualTo(LogoImage.MAX_HEIGHT);
        assertThat(logo.width()).isEqualTo(102);
    }

    @Test
    void aWebPPictureIsAccepted() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/catalogue/editing/wide.webp")) {
            byte[] webp = in.readAllBytes();
            assertThat(LogoImage.sniff(webp)).isEqualTo("webp");
            LogoImage.Processed logo = LogoImage.process(webp);
            assertThat(logo.width()).isLessThanOrEqualTo(LogoImage.MAX_WIDTH);
            assertThat(logo.height()).isLessThanOrEqualTo(LogoImage.MAX_HEIGHT);
        }
    }

    @Test
    void aFileThatOnlyPretendsToBeAPictureIsRefused() {
        byte[] forged = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, forged, 0, 8);
        assertThatThrownBy(() -> LogoImage.process(forged))
                .isInstanceOfSatisfying(FieldErrors.Invalid.class, invalid -> assertThat(invalid.errors().has("logo")).isTrue());
        assertThat(LogoImage.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}
