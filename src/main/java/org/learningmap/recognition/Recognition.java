package org.learningmap.recognition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.shared.LocalizedText;
import org.springframework.stereotype.Service;

/** The shape of the recognition facade, as agreed; the core's implementation replaces this. */
@Service
public class Recognition {

    public Optional<Badge> badge(long id) {
        throw new UnsupportedOperationException();
    }

    public Optional<Badge> badgeOfActivity(long activityId) {
        throw new UnsupportedOperationException();
    }

    public Badge ensureActivityBadge(long activityId) {
        throw new UnsupportedOperationException();
    }

    public Badge createBadge(long siteId, long organisationId, BadgeSource source, Long sourceId, LocalizedText name,
                             LocalizedText description, LocalizedText criteria, List<String> tags, List<Alignment> alignments,
                             Integer validityDays) {
        throw new UnsupportedOperationException();
    }

    public List<Badge> badgesOfOrganisation(long organisationId) {
        throw new UnsupportedOperationException();
    }

    public BadgeImage imagePng(long badgeId) {
        throw new UnsupportedOperationException();
    }

    public String imageSvg(long badgeId) {
        throw new UnsupportedOperationException();
    }

    public AwardOutcome award(AwardRequest r) {
        throw new UnsupportedOperationException();
    }

    public void revoke(long awardId, String reason, long byAccountId) {
        throw new UnsupportedOperationException();
    }

    public Optional<Award> award(long id) {
        throw new UnsupportedOperationException();
    }

    public Optional<Award> award(UUID publicId) {
        throw new UnsupportedOperationException();
    }

    public List<Award> awardsOf(long accountId) {
        throw new UnsupportedOperationException();
    }

    public List<Award> awardsOfBadge(long badgeId) {
        throw new UnsupportedOperationException();
    }

    public int attachAwardsToAccount(String email, long accountId) {
        throw new UnsupportedOperationException();
    }

    public boolean mayManage(long accountId, long organisationId) {
        throw new UnsupportedOperationException();
    }
}
