package org.learningmap.recognition.credentials;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.shared.LocalizedText;

/**
 * Signing and verification throughput of our eddsa-rdfc-2022 proofs on one thread, for bench/ob3-signing.sh.
 * Writes the unsigned credential (which the Digital Bazaar run signs too), our signed copy and its public key.
 * Usage: {@code Ob3SigningBench <output dir> <seconds per measurement>}.
 */
public final class Ob3SigningBench {

    static final String BASE = "https://badges.example.org";

    private Ob3SigningBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/ob3");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Files.createDirectories(out);
        var urls = new CredentialUrls(BASE);
        JsonObject unsigned = CredentialDocuments.credential(badge(), award(),
                new CredentialDocuments.Issuer(1, "Vilnius Public Library", null),
                new CredentialDocuments.Recipient("learner@example.org"), urls, "5c1a9e0f3b7d2a64");
        KeyPair pair = IssuerKeys.generate(IssuerKeys.Kind.ED25519);
        String multikey = Multibase.ed25519Multikey(pair.getPublic());
        String method = urls.verificationMethod(1, multikey);
        Instant created = Instant.parse("2026-12-06T00:00:00Z");

        JsonObject signed = DataIntegrity.sign(unsigned, method, pair.getPrivate(), created);
        JsonObject proof = DataIntegrity.proofs(signed).getFirst();
        if (!DataIntegrity.verify(signed, proof, pair.getPublic())) {
            throw new IllegalStateException("our own proof does not verify");
        }
        // both warmed up before either is measured: they share most of their code
        warmUp(() -> DataIntegrity.sign(unsigned, method, pair.getPrivate(), created));
        warmUp(() -> DataIntegrity.verify(signed, proof, pair.getPublic()));
        double sign = run("sign", seconds, () -> DataIntegrity.sign(unsigned, method, pair.getPrivate(), created));
        double verify = run("verify", seconds, () -> DataIntegrity.verify(signed, proof, pair.getPublic()));

        Files.writeString(out.resolve("unsigned.json"), Jsons.pretty(unsigned));
        Files.writeString(out.resolve("java-signed.json"), Jsons.pretty(signed));
        Files.writeString(out.resolve("java-key.json"), org.learningmap.platform.Json.write(Map.of(
                "id", method, "type", "Multikey", "controller", urls.issuer(1), "publicKeyMultibase", multikey)));
        System.out.printf("RESULT java sign=%.1f/s verify=%.1f/s (titanium-json-ld + titanium-rdfc + JDK Ed25519, 1 thread, %s)%n",
                sign, verify, Runtime.version());
    }

    /**
     * Runs 2-second rounds until the rate stops rising (two rounds in a row within 5 % of the best), at most
     * a minute: the JIT needs thousands of runs before titanium's JSON-LD processing reaches its pace, and on a
     * busy machine its compiler threads get little time. bench/ob3-signing.mjs warms Digital Bazaar's side alike.
     */
    private static void warmUp(Runnable operation) {
        long end = System.nanoTime() + 60_000_000_000L;
        double best = 0;
        int calm = 0;
        while (System.nanoTime() < end && calm < 2) {
            double rate = run("warm-up", 2, operation);
            calm = rate <= best * 1.05 ? calm + 1 : 0;
            best = Math.max(best, rate);
        }
    }

    private static double run(String what, double seconds, Runnable operation) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        if (!what.equals("warm-up")) {
            System.out.printf("java %s: %d in %.1f s = %.1f/s%n", what, count, (System.nanoTime() - start) / 1e9, rate);
        }
        return rate;
    }

    static Badge badge() {
        return new Badge(7, 1, 1, BadgeSource.ACTIVITY, 42L,
                LocalizedText.of("Safe online banking", "Saugi elektroninė bankininkystė", "Безпечний онлайн-банкінг"),
                LocalizedText.of("Uses online banking safely: strong sign-in, spotting phishing, checking payments.",
                        "Saugiai naudojasi elektronine bankininkyste.", "Безпечно користується онлайн-банкінгом."),
                LocalizedText.of("Attended at least 80% of the course's sessions and completed the practice task.",
                        "Dalyvavo bent 80 % kurso užsiėmimų.", "Відвідав щонайменше 80 % занять курсу."),
                List.of("digital skills", "banking", "security"),
                List.of(new Alignment("digcomp-2.2", "4.2", "Protecting personal data and privacy", null),
                        new Alignment("digcomp-2.2", "2.1", "Interacting through digital technologies", null),
                        new Alignment("esco", "S5.6.1", "use online banking",
                                "http://data.europa.eu/esco/skill/0b2a5d6c-7f3e-4e0a-9a53-1d8b9f0c2d11")),
                365, 80, Instant.parse("2026-11-01T10:00:00Z"));
    }

    static Award award() {
        return new Award(1001, UUID.fromString("8f0b6a3e-2c1d-4e5f-9a7b-3c2d1e0f4a5b"), 7, 1, 1, 55L, "learner@example.org",
                "Rūta Petraitienė", AwardPath.ATTENDANCE, "Completed all five sessions and the practice payment.",
                "https://example.org/evidence/1001", "en", Instant.parse("2026-12-01T12:00:00Z"),
                Instant.parse("2027-12-01T12:00:00Z"), null, null, 17);
    }
}
