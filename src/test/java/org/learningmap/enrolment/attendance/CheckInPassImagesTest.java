package org.learningmap.enrolment.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.QrCodes;

/** The QR images a phone camera reads: the printed PNG and the page's SVG carry exactly the text given. */
class CheckInPassImagesTest {

    @Test
    void thePngOfAPassReadsBackAsItsCode() throws Exception {
        byte[] png = QrCodes.png("K7QM-3XPA", 300);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(200, 300);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("K7QM-3XPA");
    }

    @Test
    void theSvgDrawsEveryDarkModuleAndNoScriptOrStyle() {
        String svg = QrCodes.svg("https://example.org/account/check-in/abc-def-0123456789abcdef");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path fill=\"#000000\" d=\"M")
                .doesNotContain("<script", "style=");
        assertThat(QrCodes.svgDataUri("K7QM-3XPA")).startsWith("data:image/svg+xml;base64,");
    }
}
