package org.learningmap.recognition.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.verification.BakedBadges.Baked;
import org.learningmap.recognition.verification.BakedBadges.Version;

/** A badge picture keeps its credential: what is baked in comes out the same, and the picture still opens. */
class BakedBadgesTest {

    static final String CREDENTIAL = "{\"id\":\"urn:uuid:1\",\"name\":\"Skaitmeninis raštingumas — Цифрова грамотність ]]> ok\"}";

    static byte[] picture() throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 3, 0xff0066cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aCredentialBakedIntoAPngComesOutUnchangedAndThePictureStillOpens() throws Exception {
        byte[] baked = BakedBadges.bakePng(picture(), Version.OB3, CREDENTIAL);

        assertThat(BakedBadges.unbakePng(baked)).contains(new Baked(Version.OB3, CREDENTIAL));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(baked));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getRGB(3, 3)).isEqualTo(0xff0066cc);
        assertThat(new String(baked, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("iTXtopenbadgecredential\0\0\0\0\0{");
    }

    @Test
    void bakingAgainReplacesTheOldCredentialInsteadOfAddingASecond() throws Exception {
        byte[] once = BakedBadges.bakePng(picture(), Version.OB3, "{\"a\":1}");
        byte[] twice = BakedBadges.bakePng(once, Version.OB2, "{\"b\":2}");

        assertThat(BakedBadges.unbakePng(twice)).contains(new Baked(Version.OB2, "{\"b\":2}"));
        assertThat(BakedBadges.chunks(twice).stream().filter(c -> c.type().equals("iTXt")).count()).isEqualTo(1);
    }

    @Test
    void aPictureWithoutABadgeSaysSoAndABrokenOneIsRefused() throws Exception {
        byte[] plain = picture();
        assertThat(BakedBadges.unbakePng(plain)).isEmpty();

        byte[] damaged = BakedBadges.bakePng(plain, Version.OB3, CREDENTIAL);
        damaged[damaged.length - 30] ^= 0x55;
        assertThatThrownBy(() -> BakedBadges.unbakePng(damaged)).isInstanceOf(BakedBadges.BrokenImage.class);
        assertThatThrownBy(() -> BakedBadges.unbakePng("GIF89a".getBytes())).isInstanceOf(BakedBadges.BrokenImage.class);
        byte[] cut = java.util.Arrays.copyOf(plain, plain.length / 2);
        assertThatThrownBy(() -> BakedBadges.unbakePng(cut)).isInstanceOf(BakedBadges.BrokenImage.class);
    }

    @Test
    void otherIssuersCompressedAndLegacyChunksAreRead() throws Exception {
        byte[] plain = picture();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("openbadges".getBytes());
        data.write(0);
        data.write(1);
        data.write(0);
        data.write(0);
        data.write(0);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput("{\"type\":\"Assertion\"}".getBytes());
        deflater.finish();
        byte[] buffer = new byte[200];
        int n = deflater.deflate(buffer);
        data.write(buffer, 0, n);
        byte[] withCompressed = insertBeforeIend(plain, "iTXt", data.toByteArray());
        assertThat(BakedBadges.unbakePng(withCompressed)).contains(new Baked(Version.OB2, "{\"type\":\"Assertion\"}"));

        byte[] legacy = insertBeforeIend(plain, "tEXt", "openbadges\0https://example.org/assertions/1".getBytes());
        assertThat(BakedBadges.unbakePng(legacy)).contains(new Baked(Version.OB2, "https://example.org/assertions/1"));
    }

    @Test
    void aCredentialBakedIntoAnSvgComesOutUnchangedInTheRightNamespace() {
        String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle r=\"4\"/></svg>";

        String baked = BakedBadges.bakeSvg(svg, Version.OB3, CREDENTIAL, null);

        assertThat(baked).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", "<openbadges:credential><![CDATA[",
                "<circle r=\"4\"/>");
        assertThat(baked.indexOf("]]>")).isEqualTo(baked.lastIndexOf("]]>"));
        String back = BakedBadges.unbakeSvg(baked).orElseThrow().text();
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(back))
                .isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().readTree(CREDENTIAL));

        String ob2 = BakedBadges.bakeSvg(baked, Version.OB2, "{\"type\":\"Assertion\"}", "https://x.example/ob2/assertions/1");
        assertThat(ob2).contains("xmlns:openbadges=\"http://openbadges.org\"",
                "<openbadges:assertion verify=\"https://x.example/ob2/assertions/1\"><![CDATA[{\"type\":\"Assertion\"}]]>")
                .doesNotContain("openbadges:credential", "v3p0");
        assertThat(BakedBadges.unbakeSvg(ob2)).contains(new Baked(Version.OB2, "{\"type\":\"Assertion\"}"));
    }

    @Test
    void aJwtIsBakedIntoTheVerifyAttribute() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
        String baked = BakedBadges.bakeSvg(svg, Version.OB3, "aaa.bbb.ccc", null);
        assertThat(baked).contains("<openbadges:credential verify=\"aaa.bbb.ccc\"/>");
        assertThat(BakedBadges.unbakeSvg(baked)).contains(new Baked(Version.OB3, "aaa.bbb.ccc"));
        assertThat(BakedBadges.unbakeSvg(svg)).isEmpty();
    }

    private static byte[] insertBeforeIend(byte[] png, String type, byte[] data) {
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes());
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, iend, 12);
        return out.toByteArray();
    }
}
