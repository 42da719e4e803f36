package org.learningmap.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to webjars without their version ({@code /webjars/htmx.org/dist/htmx.min.js}) get the
 * version of the jar on the class path, and links to our style sheets and scripts ({@code /css/app.css})
 * a hash of their content ({@code /css/app-<md5>.css}), as Spring's {@link ResourceUrlEncodingFilter}
 * does; both are cached by browsers for a year (application.yml). Every other link is left alone
 * without being looked up. Spring's filter matched every link of a page
 * (forty on a search page) against the resource patterns and looked the webjar ones up on the class
 * path each time, which cost about a fifth of rendering the page; the answers are kept here instead,
 * since the class path does not change while the application runs.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(ResourceUrlProvider resourceUrlProvider) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new WebJarLinks(resourceUrlProvider));
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * {@code /css/app.css} becomes {@code /css/app-<md5 of the file>.css}, the name the resource chain's
     * content strategy (application.yml) serves. Spring's own lookup does not find our files behind the
     * {@code /{folder:css|js|...}/**} pattern, so the hash is computed here, once per file.
     */
    static String withContentHash(String link, String context) {
        String path = link.substring(context.length());
        int dot = path.lastIndexOf('.');
        if (dot <= path.lastIndexOf('/')) {
            return link;
        }
        try (InputStream in = ResourceLinks.class.getResourceAsStream("/static" + path)) {
            if (in == null) {
                return link;
            }
            String hash = DigestUtils.md5DigestAsHex(in);
            return context + path.substring(0, dot) + "-" + hash + path.substring(dot);
        } catch (IOException e) {
            return link;
        }
    }

    /** A subclass, so that Spring Boot registers no filter of its own. */
    static final class WebJarLinks extends ResourceUrlEncodingFilter {

        private final ResourceUrlProvider provider;
        private final Map<String, String> resolved = new ConcurrentHashMap<>();
        WebJarLinks(ResourceUrlProvider provider) {
            this.provider = provider;
        }

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
                             FilterChain chain) throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
                chain.doFilter(request, new Links(http, httpResponse));
            } else {
                chain.doFilter(request, response);
            }
        }

        private final class Links extends HttpServletResponseWrapper {

            private final HttpServletRequest request;

            Links(HttpServletRequest request, HttpServletResponse response) {
                super(response);
                this.request = request;
            }

            @Override
            public String encodeURL(String url) {
                String context = request.getContextPath();
                if (url.startsWith(context + "/webjars/")) {
                    String versioned = resolved.computeIfAbsent(url, link -> {
                        String found = provider.getForRequestUrl(request, link);
                        return found == null ? link : found;
                    });
                    return super.encodeURL(versioned);
                }
                if ((url.startsWith(context + "/css/") || url.startsWith(context + "/js/")) && url.indexOf('?') < 0) {
                    return super.encodeURL(resolved.computeIfAbsent(url, link -> withContentHash(link, context)));
                }
                return super.encodeURL(url);
            }
        }
    }
}
