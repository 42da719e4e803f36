package org.learningmap.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen before or outside any controller (an unknown address, a refused method, a
 * failure in a filter): a page in the visitor's language, or problem details for the API.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request, response);
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("reason", reasonKey(status));
        model.addAttribute("titleKey", ErrorTitles.key(status));
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request, response);
        Locale locale = LocaleContextHolder.getLocale();
        String key = reasonKey(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(key, null, key, locale));
        problem.setType(URI.create("urn:learningmap:problem:" + key));
        problem.setTitle(messages.getMessage(ErrorTitles.key(status), null, "", locale));
        problem.setProperty("code", key);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString().replaceAll("[^A-Za-z0-9/._~-]", "")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The status to answer with: the one the failed request ended with, except that a failure of the
     * moment in a filter (every database connection busy, {@link BadInput#busy}) is a 503 with Retry-After.
     */
    private static int status(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        if (status == 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && BadInput.busy(failure)) {
            status = 503;
        }
        if (status == 503) {
            response.setHeader("Retry-After", BadInput.RETRY_AFTER);
        }
        return HttpStatus.resolve(status) == null ? 500 : status;
    }

    static String reasonKey(int status) {
        return switch (status) {
            case 400 -> "error.invalid-input";
            case 401 -> "error.unauthorised";
            case 403 -> "error.forbidden";
            case 404 -> "error.not-found";
            case 405 -> "error.method-not-allowed";
            case 406 -> "error.not-acceptable";
            case 413 -> "error.too-large";
            case 415 -> "error.unsupported-media-type";
            case 429 -> "error.too-many-attempts-short";
            case 503 -> "error.busy";
            default -> status >= 500 ? "error.unexpected" : "error.invalid-input";
        };
    }
}
