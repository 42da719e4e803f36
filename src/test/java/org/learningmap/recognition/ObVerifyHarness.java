package org.learningmap.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The independent ob-verify harness (Digital Bazaar's libraries and 1EdTech's schema), found at
 * {@code LEARNINGMAP_OB_VERIFY} or {@code ../shared/harness/ob-verify}. Without it (or without node) the
 * calling test is skipped, unless {@code LEARNINGMAP_REQUIRE_OB_VERIFY=1}, when it fails.
 */
public final class ObVerifyHarness {

    private final Path folder;

    private ObVerifyHarness(Path folder) {
        this.folder = folder;
    }

    /** Finds the harness, or skips (or, when it is required, fails) the calling test. */
    public static ObVerifyHarness findOrSkip() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("LEARNINGMAP_OB_VERIFY");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            candidates.add(Path.of("../shared/harness/ob-verify"));
            candidates.add(Path.of("../../shared/harness/ob-verify"));
        }
        Path harness = candidates.stream().map(Path::toAbsolutePath).map(Path::normalize)
                .filter(p -> Files.isRegularFile(p.resolve("verify.mjs")) && Files.isDirectory(p.resolve("node_modules")))
                .findFirst().orElse(null);
        String problem = harness == null ? "the ob-verify harness (with node_modules, after npm ci) is not at " + candidates
                + "; set LEARNINGMAP_OB_VERIFY to its folder" : nodeMissing();
        if (problem != null) {
            if ("1".equals(System.getenv("LEARNINGMAP_REQUIRE_OB_VERIFY"))) {
                throw new IllegalStateException(problem + " (LEARNINGMAP_REQUIRE_OB_VERIFY=1)");
            }
            Assumptions.abort("Skipped: " + problem);
        }
        return new ObVerifyHarness(harness);
    }

    private static String nodeMissing() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0 ? null : "node does not run";
        } catch (IOException | InterruptedException e) {
            return "node is not installed (" + e.getMessage() + ")";
        }
    }

    /**
     * Runs the harness with --strict, the application's public addresses (under {@code baseUrl}) mapped to the
     * running application on {@code port}; asserts its exit code and returns its report.
     */
    public String assertVerdict(String baseUrl, int port, int exitCode, String input, String... options) throws Exception {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        List<String> command = new ArrayList<>(List.of("node", folder.resolve("verify.mjs").toString(), input, "--strict",
                "--map", base + "=http://127.0.0.1:" + port + "/"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the harness finished").isTrue();
        assertThat(process.exitValue()).as("ob-verify %s:%n%s", String.join(" ", command), output).isEqualTo(exitCode);
        return output;
    }
}
