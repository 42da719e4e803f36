package org.learningmap.recognition.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.learningmap.recognition.verification.Verdict.Check;
import org.learningmap.recognition.verification.Verdict.Status;
import org.springframework.stereotype.Component;

/**
 * One of our awards, checked as a stranger would check it: its signed credential is verified (proof,
 * issuer key, validity period, revocation status), and the verdict comes from that verification,
 * not from what our records say. The records only supply the words: names, dates and competences in
 * the reader's language.
 */
@Component
class AwardVerification {

    /** What the verification page and the certificate show. */
    record Checked(Award award, Badge badge, String issuerName, String recipientName, Verdict verdict) {

        Status status() {
            return verdict.status();
        }

        List<String> competences(String language) {
            List<String> lines = new ArrayList<>();
            for (Alignment alignment : badge.alignments() == null ? List.<Alignment>of() : badge.alignments()) {
                String framework = Ob2Documents.frameworkName(alignment.framework());
                String name = alignment.name() == null ? "" : alignment.name();
                lines.add((framework + " " + (alignment.code() == null ? "" : alignment.code())).strip()
                        + (name.isBlank() ? "" : " — " + name));
            }
            return lines;
        }
    }

    private final Recognition recognition;
    private final Ob3Credentials ob3;
    private final Ob2Hosting hosting;
    private final Accounts accounts;

    AwardVerification(Recognition recognition, Ob3Credentials ob3, Ob2Hosting hosting, Accounts accounts) {
        this.recognition = recognition;
        this.ob3 = ob3;
        this.hosting = hosting;
        this.accounts = accounts;
    }

    Optional<Checked> check(UUID publicId, String language) {
        Optional<Award> found = recognition.award(publicId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Award award = found.get();
        Badge badge = recognition.badge(award.badgeId()).orElseThrow();
        String issuer = hosting.issuerFacts(award.organisationId(), language).map(Ob2Documents.Issuer::name).orElse("");
        Verdict verdict = ob3.signedJson(publicId).map(ob3::verify)
                .orElseGet(() -> new Verdict(Status.INVALID, Verdict.Format.OB3_JSON,
                        List.of(Check.fail("signature", "recognition-verification.check.no-credential")), null, null));
        return Optional.of(new Checked(award, badge, issuer, recipientName(award), verdict));
    }

    Optional<Award> award(UUID publicId) {
        return recognition.award(publicId);
    }

    private String recipientName(Award award) {
        if (award.recipientName() != null && !award.recipientName().isBlank()) {
            return award.recipientName();
        }
        if (award.accountId() != null) {
            return accounts.byId(award.accountId()).map(AccountSummary::displayName).filter(n -> n != null && !n.isBlank())
                    .orElse(null);
        }
        return null;
    }
}
