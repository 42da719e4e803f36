package org.learningmap.network.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.FieldErrors;

/** Uploads are recognised by their content; the name must agree, and each type has its size limit. */
class FileTypeTest {

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String problem(String name, byte[] bytes) {
        FieldErrors errors = new FieldErrors();
        FileType type = MethodsLibrary.check(new MethodsLibrary.Upload(name, bytes), errors);
        if (!errors.any()) {
            assertThat(type).isNotNull();
            return null;
        }
        return errors.asException("upload").getFieldError("file").getCode();
    }

    @Test
    void theTypeIsTakenFromTheContent() throws IOException {
        assertThat(FileType.sniff(LibraryDemo.pdf("A lesson", "line"))).contains(FileType.PDF);
        assertThat(FileType.sniff(zip(Map.of("[Content_Types].xml", "<x/>", "word/document.xml", "<w/>")))).contains(FileType.DOCX);
        assertThat(FileType.sniff(zip(Map.of("[Content_Types].xml", "<x/>", "ppt/presentation.xml", "<p/>")))).contains(FileType.PPTX);
        assertThat(FileType.sniff(zip(new java.util.LinkedHashMap<>(Map.of("mimetype", "application/vnd.oasis.opendocument.text"))))).contains(FileType.ODT);
        assertThat(FileType.sniff(zip(Map.of("README.txt", "hello")))).contains(FileType.ZIP);
        byte[] mp4 = new byte[32];
        System.arraycopy("ftypisom".getBytes(StandardCharsets.US_ASCII), 0, mp4, 4, 8);
        assertThat(FileType.sniff(mp4)).contains(FileType.MP4);
        assertThat(FileType.sniff("MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileType.sniff("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aProgramOrAWebPageNamedLikeADocumentIsRefused() {
        assertThat(problem("lesson-plan.pdf", "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("network-library.file.type");
        assertThat(problem("guide.docx", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("network-library.file.type");
    }

    @Test
    void aFileWhoseNameDisagreesWithItsContentIsRefused() throws IOException {
        assertThat(problem("slides.pptx", LibraryDemo.pdf("Not slides"))).isEqualTo("network-library.file.mismatch");
        assertThat(problem("kit.pdf", zip(Map.of("README.txt", "hello")))).isEqualTo("network-library.file.mismatch");
        assertThat(problem("lesson.pdf", LibraryDemo.pdf("A lesson"))).isNull();
        assertThat(problem("LESSON.PDF", LibraryDemo.pdf("A lesson"))).isNull();
    }

    @Test
    void aFileOverItsTypesLimitIsRefused() {
        byte[] pdf = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), (int) FileType.PDF.maxBytes() + 1);
        assertThat(problem("big.pdf", pdf)).isEqualTo("network-library.file.too-large");
        byte[] justRight = Arrays.copyOf(pdf, (int) FileType.PDF.maxBytes());
        assertThat(problem("big.pdf", justRight)).isNull();
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, (int) FileType.PNG.maxBytes() + 1);
        assertThat(problem("poster.png", png)).isEqualTo("network-library.file.too-large");
    }

    @Test
    void anInstallationsLowerUploadLimitAppliesToEveryType() {
        byte[] pdf = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 1024 * 1024 + 1);
        FieldErrors errors = new FieldErrors();
        MethodsLibrary.check(new MethodsLibrary.Upload("big.pdf", pdf), 1024 * 1024, errors);
        assertThat(errors.asException("upload").getFieldError("file").getArguments()).containsExactly("PDF", 1L);
    }
}
