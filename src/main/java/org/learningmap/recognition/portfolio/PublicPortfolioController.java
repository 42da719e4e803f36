package org.learningmap.recognition.portfolio;

import jakarta.servlet.http.HttpServletRequest;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public portfolio under a handle: only the awards (and imported badges) its holder made public,
 * and nothing at all until they turn the page on. Also the file of a shown badge from elsewhere.
 */
@Controller
class PublicPortfolioController {

    private final Portfolio portfolio;
    private final Imports imports;
    private final CredentialLinks links;

    PublicPortfolioController(Portfolio portfolio, Imports imports, CredentialLinks links) {
        this.portfolio = portfolio;
        this.imports = imports;
        this.links = links;
    }

    @GetMapping("/portfolios/{handle}")
    String page(@PathVariable String handle, Model model, HttpServletRequest request) {
        Portfolio.PublicView view = portfolio.publicView(handle).orElseThrow(RuleViolation::notFound);
        model.addAttribute("view", view);
        model.addAttribute("shareLink", links.share(request, Sites.current(), view.handle()));
        model.addAttribute("apiLink", links.apiUrl(view.handle()));
        model.addAttribute("zone", Sites.current().zone());
        return "recognition/portfolio/public";
    }

    @GetMapping("/portfolios/images/imported/{id}")
    ResponseEntity<byte[]> importedFile(@PathVariable long id) {
        Long viewer = CurrentAccount.get().map(CurrentAccount::id).orElse(null);
        byte[] bytes = imports.file(id, viewer).orElseThrow(RuleViolation::notFound);
        String type = imports.contentType(id).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Disposition", "attachment").header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore()).body(bytes);
    }
}
