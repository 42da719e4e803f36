package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {

    static byte[] picture(String format, int width, int height, boolean transparent) throws IOException {
        BufferedImage image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(transparent ? new Color(0, 100, 200, 120) : Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void theTypeIsTakenFromTheContentNotTheName() throws IOException {
        assertThat(ImageProcessor.sniff(picture("png", 10, 10, false))).isEqualTo(ImageProcessor.Type.PNG);
        assertThat(ImageProcessor.sniff(picture("jpeg", 10, 10, false))).isEqualTo(ImageProcessor.Type.JPEG);
        assertThat(ImageProcessor.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(ImageProcessor.Type.WEBP);
        assertThat(ImageProcessor.sniff(picture("gif", 10, 10, false))).isNull();
        assertThat(ImageProcessor.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void aWidePictureIsMade1200PixelsWideKeepingItsProportions() throws Exception {
        ImageProcessor.Processed processed = ImageProcessor.process(picture("png", 3000, 1500, false));

        assertThat(processed.width()).isEqualTo(1200);
        assertThat(processed.height()).isEqualTo(600);
        assertThat(processed.contentType()).isEqualTo("image/jpeg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(processed.bytes()));
        assertThat(stored.getWidth()).isEqualTo(1200);
    }

    @Test
    void aSmallTransparentPictureStaysItsSizeAndStaysPng() throws Exception {
        ImageProcessor.Processed processed = ImageProcessor.process(picture("png", 400, 300, true));

        assertThat(processed.width()).isEqualTo(400);
        assertThat(processed.contentType()).isEqualTo("image/png");
    }

    @Test
    void otherFilesAndBrokenPicturesAreRefusedWithAReason() throws IOException {
        assertThatThrownBy(() -> ImageProcessor.process(picture("gif", 10, 10, false)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().key()).isEqualTo("image.type"));
        byte[] png = picture("png", 100, 100, false);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> ImageProcessor.process(truncated))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().key()).isEqualTo("image.unreadable"));
        assertThatThrownBy(() -> ImageProcessor.process(new byte[ImageProcessor.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().key()).isEqualTo("image.too-large"));
    }

    @Test
    void aWidePictureInWebpIsReadAndShrunkToo() throws Exception {
        byte[] webp = webp();
        assertThat(ImageProcessor.sniff(webp)).isEqualTo(ImageProcessor.Type.WEBP);

        ImageProcessor.Processed processed = ImageProcessor.process(webp);

        assertThat(processed.width()).isEqualTo(1200);
        assertThat(processed.height()).isEqualTo(600);
        assertThat(processed.contentType()).isEqualTo("image/jpeg");
    }

    /** A 1400×700 lossy WebP made with Debian's cwebp. */
    static byte[] webp() throws IOException {
        try (var in = ImageProcessorTest.class.getResourceAsStream("/catalogue/editing/wide.webp")) {
            return in.readAllBytes();
        }
    }
}
