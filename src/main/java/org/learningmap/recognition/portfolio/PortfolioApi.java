package org.learningmap.recognition.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A public portfolio as JSON: each public award with its credential's address, for backpacks and partners. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Portfolios", description = "Learners' public portfolios: only the awards they chose to show")
class PortfolioApi {

    record PortfolioResponse(String handle, String name, String url, List<AwardResponse> awards, List<ImportedResponse> imported) {
    }

    record EvidenceResponse(String text, String url, Instant addedAt) {
    }

    record AwardResponse(UUID id, String name, String issuer, long issuerId, String badgeUrl, String imageUrl, String credentialUrl,
                         String path, Instant issuedAt, Instant expiresAt, String status, List<EvidenceResponse> evidence) {
    }

    record ImportedResponse(String name, String issuer, Instant issuedAt, String verdict) {
    }

    private final Portfolio portfolio;
    private final CredentialLinks links;

    PortfolioApi(Portfolio portfolio, CredentialLinks links) {
        this.portfolio = portfolio;
        this.links = links;
    }

    @GetMapping("/portfolios/{handle}")
    @Operation(summary = "A public portfolio: the awards its holder made public, each with its credential URL")
    PortfolioResponse portfolio(@PathVariable String handle) {
        Portfolio.PublicView view = portfolio.publicView(handle).orElseThrow(RuleViolation::notFound);
        String language = LocaleContextHolder.getLocale().getLanguage();
        return new PortfolioResponse(view.handle(), view.name(), links.apiUrl(view.handle()).replace("/api/v1/", "/"),
                view.entries().stream().map(entry -> new AwardResponse(entry.award().publicId(), entry.badge().name().in(language),
                        entry.issuer().in(language), entry.award().organisationId(), links.badge(entry.badge().id()),
                        links.image(entry.badge().id()), links.credential(entry.award().publicId()), entry.award().path().name(),
                        entry.award().issuedAt(), entry.award().expiresAt(), entry.status().name(),
                        entry.evidence().stream().map(e -> new EvidenceResponse(e.text(), e.url(), e.addedAt())).toList())).toList(),
                view.imported().stream().map(i -> new ImportedResponse(i.name(), i.issuerName(), i.issuedAt(), i.verdict())).toList());
    }
}
