package org.learningmap.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.security.EndpointIds;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hostile visitor sends thousands of malformed values to every form and API endpoint the application
 * answers (read from its request mappings), as someone who may use the endpoint, with a valid CSRF token:
 * oversized text, wrong types, broken UTF-8, control characters, markup, SQL, path traversal, broken
 * JSON, hostile and oversized uploads, broken CSV files and forged badges. Every answer must be a
 * clear refusal in the visitor's language (Lithuanian here) or a success; never a server error, a
 * stack trace, a message key or English text; a refused request leaves no rows behind; and nothing
 * that was accepted comes back unescaped on a page. The values are drawn with a fixed seed
 * ({@code -Dhostile.seed=...} to change it); each failure names the request that caused it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileInputIsRefusedCleanlyTest {

    private static final String SITE = "/lietuva";
    private static final long SEED = Long.getLong("hostile.seed", 20261206L);
    /** How many of the hostile text values each field gets (drawn with the seed, markup always among them). */
    private static final int VALUES_PER_FIELD = Integer.getInteger("hostile.values-per-field", 8);

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:([^}]+))?}");
    /** Signs of internals: exception names, stack frames, SQL states (literal prefixes only, so long bodies match fast). */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(Exception\\b|\\bat (java|org|jdk|sun|tools|com)\\.[a-z]+\\.|SQLState|org\\.postgresql|java\\.lang\\.|\\.java:\\d)");
    private static final Pattern MESSAGE_KEY = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$");
    private static final Set<String> DESTRUCTIVE = Set.of("delete", "deletion", "removal", "revoke", "withdraw", "cancel", "archive",
            "reject", "rejection", "close", "no-show", "undo", "finish", "unpublish", "reset", "off", "release");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MessageSource messages;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static JdbcClient cleanup;

    enum Kind { TEXT, NUMBER, DECIMAL, DATE, TIME, DATETIME, BOOLEAN, ENUM, UUID, FILE }

    record Field(String name, Kind kind, Class<?> type) {
    }

    record Endpoint(String method, String pattern, HandlerMethod handler, List<Field> fields, Class<?> body, boolean readsRequest) {
        String key() {
            return method + " " + pattern;
        }
    }

    /** One hostile request, as it is printed when it fails. */
    record Attempt(String description, AbstractMockHttpServletRequestBuilder<?> builder) {
    }

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> failureCounts = new TreeMap<>();
    private Random random;
    private EditingFixtures fixtures;
    private EndpointIds ids;
    private final Map<String, CurrentAccount> callers = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Map<String, String> access;
    private int requests;
    private int emptyErrorBodies;

    @AfterAll
    static void removeWriteCounter() {
        if (cleanup != null) {
            WriteCounter.uninstall(cleanup);
        }
    }

    @Test
    void everyEndpointRefusesHostileInputCleanlyInTheVisitorsLanguage() throws Exception {
        long started = System.nanoTime();
        random = new Random(SEED);
        people();
        cleanup = jdbc;
        WriteCounter.install(jdbc);
        List<Endpoint> endpoints = endpoints();
        List<String> uncovered = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            List<Attempt> attempts = attempts(endpoint);
            if (attempts.isEmpty()) {
                uncovered.add(endpoint.key());
                continue;
            }
            long endpointStarted = System.nanoTime();
            for (Attempt attempt : attempts) {
                String before = WriteCounter.snapshot(jdbc);
                MvcResult result;
                long requestStarted = System.nanoTime();
                try {
                    result = mvc.perform(attempt.builder()).andReturn();
                    long millis = (System.nanoTime() - requestStarted) / 1_000_000L;
                    if (millis > 1_000) {
                        System.out.println("Hostile input: slow answer (" + millis + " ms) to " + attempt.description());
                    }
                } catch (Exception | Error e) {
                    fail(endpoint, attempt, "threw " + e.getClass().getName() + ": " + firstLine(e.getMessage()));
                    continue;
                }
                requests++;
                check(endpoint, attempt, result);
                if (refused(result)) {
                    String after = WriteCounter.snapshot(jdbc);
                    if (!before.equals(after)) {
                        fail(endpoint, attempt, "refused (" + result.getResponse().getStatus() + ") but rows changed: "
                                + WriteCounter.difference(before, after));
                    }
                }
            }
            System.out.println("Hostile input: " + endpoint.key() + " " + attempts.size() + " requests in "
                    + (System.nanoTime() - endpointStarted) / 1_000_000L + " ms");
        }
        int pages = noStoredMarkup(endpoints);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Hostile input: " + endpoints.size() + " endpoints, " + requests + " requests, " + pages
                + " pages searched for stored markup, " + emptyErrorBodies + " refusals left to the container's error page, in "
                + seconds + " s (seed " + SEED + ")");
        System.out.println("Hostile input: failures by kind " + failureCounts);
        failures.stream().limit(300).forEach(failure -> System.out.println("HOSTILE " + failure));
        assertThat(uncovered).as("endpoints that got no hostile input").isEmpty();
        assertThat(failures.subList(0, Math.min(30, failures.size())))
                .as("hostile requests answered badly (the first 30 of " + failures.size() + "; all are printed above)").isEmpty();
    }

    // ------------------------------------------------------------ who calls

    private void people() {
        fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        long owner = fixtures.accountByEmail("owner@example.org");
        long orgA = jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ? ORDER BY organisation_id LIMIT 1")
                .param(owner).query(Long.class).single();
        long learner = fixtures.accountByEmail("learner@example.org");
        long coordinator = fixtures.accountByEmail("coordinator.lt@example.org");
        ids = new EndpointIds(jdbc, orgA, site, learner, coordinator);
        callers.put("PUBLIC", fixtures.principal(learner));
        callers.put("SIGNED_IN", fixtures.principal(learner));
        callers.put("OWN", fixtures.principal(learner));
        callers.put("STAFF", fixtures.principal(owner));
        callers.put("COORDINATOR", fixtures.principal(coordinator));
        callers.put("ADMIN", fixtures.principal(fixtures.accountByEmail("admin@example.org")));
        for (var caller : callers.entrySet()) {
            String secret = "lm_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
            jdbc.sql("INSERT INTO api_token (account_id, name, token_hash) VALUES (?, 'hostile', ?)")
                    .params(caller.getValue().id(), sha256(secret)).update();
            tokens.put(caller.getKey(), "Bearer " + secret);
        }
    }

    /** A separate person for the endpoints that would end the caller's account or sign-in. */
    private CurrentAccount throwaway() {
        return fixtures.principal(fixtures.account("Hostile throwaway " + random.nextInt(1_000_000)));
    }

    private static String sha256(String secret) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> access() throws Exception {
        if (access == null) {
            access = new LinkedHashMap<>();
            try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                    getClass().getResourceAsStream("/security/endpoints.csv")), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.split(",", 4);
                        access.put(f[0] + " " + f[1], f[2].split(":")[0]);
                    }
                }
            }
        }
        return access;
    }

    // ------------------------------------------------------------ which endpoints

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/api/v1/test/")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    Endpoint endpoint = endpoint(method.name(), pattern, handler);
                    boolean hasInput = !endpoint.fields().isEmpty() || endpoint.body() != null || endpoint.readsRequest()
                            || VARIABLE.matcher(pattern).find();
                    if (!method.name().equals("GET") || hasInput) {
                        all.add(endpoint);
                    }
                }
            }
        }
        // the same order on every run; what could end the caller's account or data comes last
        all.sort((a, b) -> {
            int destructive = Boolean.compare(destructive(a), destructive(b));
            return destructive != 0 ? destructive : a.key().compareTo(b.key());
        });
        return all;
    }

    private static boolean destructive(Endpoint endpoint) {
        if (endpoint.method().equals("DELETE")) {
            return true;
        }
        String last = endpoint.pattern().substring(endpoint.pattern().lastIndexOf('/') + 1);
        return DESTRUCTIVE.contains(last) || endpoint.pattern().contains("/staff/{accountId}");
    }

    private Endpoint endpoint(String method, String pattern, HandlerMethod handler) {
        List<Field> fields = new ArrayList<>();
        Class<?> body = null;
        boolean readsRequest = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Parameter p = parameter.getParameter();
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestHeader.class)) {
                continue;
            }
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = type;
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                fields.add(new Field(name(requestParam, p), Kind.FILE, type));
            } else if (requestParam != null) {
                if (Map.class.isAssignableFrom(type)) {
                    readsRequest = true;
                } else {
                    fields.add(field(name(requestParam, p), elementType(parameter)));
                }
            } else if (jakarta.servlet.ServletRequest.class.isAssignableFrom(type)) {
                readsRequest = true;
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || formType(type)) {
                fields.addAll(properties(type));
            }
        }
        return new Endpoint(method, pattern, handler, fields, body, readsRequest);
    }

    private static String name(RequestParam annotation, Parameter p) {
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        if (annotation != null && !annotation.value().isEmpty()) {
            return annotation.value();
        }
        return p.getName();
    }

    private static Class<?> elementType(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (type == Optional.class || Collection.class.isAssignableFrom(type)) {
            var generic = parameter.getGenericParameterType();
            if (generic instanceof java.lang.reflect.ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            return String.class;
        }
        return type.isArray() ? type.getComponentType() : type;
    }

    private static boolean formType(Class<?> type) {
        return !BeanUtils.isSimpleProperty(type) && type.getPackageName().startsWith("org.learningmap")
                && !type.getSimpleName().equals("CurrentAccount");
    }

    private static List<Field> properties(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(field(component.getName(), component.getType()));
            }
        } else {
            for (var descriptor : BeanUtils.getPropertyDescriptors(type)) {
                if (descriptor.getWriteMethod() != null) {
                    fields.add(field(descriptor.getName(), descriptor.getPropertyType()));
                }
            }
        }
        return fields;
    }

    private static Field field(String name, Class<?> type) {
        Kind kind;
        if (MultipartFile.class.isAssignableFrom(type)) {
            kind = Kind.FILE;
        } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class || type == short.class) {
            kind = Kind.NUMBER;
        } else if (type == double.class || type == Double.class || type == java.math.BigDecimal.class || type == float.class) {
            kind = Kind.DECIMAL;
        } else if (type == boolean.class || type == Boolean.class) {
            kind = Kind.BOOLEAN;
        } else if (type == LocalDate.class) {
            kind = Kind.DATE;
        } else if (type == LocalTime.class) {
            kind = Kind.TIME;
        } else if (Temporal.class.isAssignableFrom(type)) {
            kind = Kind.DATETIME;
        } else if (type.isEnum()) {
            kind = Kind.ENUM;
        } else if (type == UUID.class) {
            kind = Kind.UUID;
        } else {
            kind = Kind.TEXT;
        }
        return new Field(name, kind, type);
    }

    // ------------------------------------------------------------ what is sent

    private List<Attempt> attempts(Endpoint endpoint) throws Exception {
        String rule = access().getOrDefault(endpoint.key(), "SIGNED_IN");
        boolean api = endpoint.pattern().startsWith("/api/");
        boolean endsAccount = endpoint.pattern().equals("/account/delete") || endpoint.pattern().equals("/account/password");
        CurrentAccount caller = endsAccount ? throwaway() : callers.getOrDefault(rule, callers.get("SIGNED_IN"));
        String token = tokens.getOrDefault(rule, tokens.get("SIGNED_IN"));
        String path = ids.fill(endpoint.pattern()).orElseGet(() -> VARIABLE.matcher(endpoint.pattern()).replaceAll(m ->
                m.group(3) != null ? m.group(3).split("\\|")[0] : "1"));
        Map<String, String> valid = new LinkedHashMap<>();
        endpoint.fields().stream().filter(f -> f.kind() != Kind.FILE).forEach(f -> valid.put(f.name(), plausible(f)));
        List<Field> files = endpoint.fields().stream().filter(f -> f.kind() == Kind.FILE).toList();
        List<Attempt> attempts = new ArrayList<>();
        Factory factory = new Factory(endpoint, caller, token, api);

        // every field, one at a time, with hostile values; the other fields plausible
        List<Field> textFields = new ArrayList<>(endpoint.fields().stream().filter(f -> f.kind() != Kind.FILE).toList());
        if (endpoint.readsRequest()) {
            for (String name : List.of("q", "page")) {
                if (textFields.stream().noneMatch(f -> f.name().equals(name))) {
                    textFields.add(new Field(name, Kind.TEXT, String.class));
                }
            }
        }
        for (Field field : textFields) {
            for (HostileValues.Value value : sample()) {
                Map<String, String> params = new LinkedHashMap<>(valid);
                params.put(field.name(), value.text());
                attempts.add(factory.form(path, params, files.isEmpty() ? null : plainFile(files.get(0)),
                        field.name() + " = " + value.category() + " " + shorten(value.text())));
            }
            if (endpoint.method().equals("POST") && !api) {
                for (byte[] body : HostileValues.brokenUtf8Bodies(field.name())) {
                    attempts.add(factory.raw(path, MediaType.APPLICATION_FORM_URLENCODED, body, "form body with broken UTF-8 "
                            + shorten(new String(body, StandardCharsets.ISO_8859_1))));
                }
            }
            Map<String, String> twice = new LinkedHashMap<>(valid);
            twice.remove(field.name());
            attempts.add(factory.form(path, twice, null, "without " + field.name()));
        }
        // the lang setting itself, and every field missing
        attempts.add(factory.form(path, Map.of("lang", HostileValues.SCRIPT), null, "lang = markup"));
        if (!textFields.isEmpty()) {
            attempts.add(factory.form(path, Map.of(), null, "no fields at all"));
        }
        // ids in the address that are not ids
        Matcher variables = VARIABLE.matcher(endpoint.pattern());
        int variable = 0;
        while (variables.find()) {
            int index = variable++;
            for (String bad : HostileValues.pathValues()) {
                String hostilePath = replaceVariable(endpoint.pattern(), index, bad, path);
                attempts.add(factory.form(hostilePath, valid, null, "path variable " + variables.group(1) + " = " + shorten(bad)));
            }
        }
        // uploads
        for (Field file : files) {
            List<HostileValues.Upload> uploads = new ArrayList<>(HostileValues.anyFile());
            if (endpoint.pattern().contains("import") || endpoint.pattern().contains("bulk")) {
                uploads.addAll(HostileValues.csvFiles());
            }
            if (endpoint.pattern().equals("/verify")) {
                uploads.addAll(HostileValues.badgeFiles());
            }
            for (HostileValues.Upload upload : uploads) {
                attempts.add(factory.form(path, valid, new MockMultipartFile(file.name(), upload.filename(), upload.contentType(), upload.bytes()),
                        file.name() + " = upload " + upload.label()));
            }
            attempts.add(factory.form(path, valid, null, file.name() + " = no file"));
        }
        // JSON bodies
        if (endpoint.body() != null || api && !endpoint.method().equals("GET")) {
            for (byte[] body : HostileValues.brokenJson()) {
                attempts.add(factory.raw(path, MediaType.APPLICATION_JSON, body, "JSON " + shorten(new String(body, StandardCharsets.ISO_8859_1))));
            }
            attempts.add(factory.raw(path, MediaType.TEXT_PLAIN, "{}".getBytes(StandardCharsets.UTF_8), "JSON as text/plain"));
            attempts.add(factory.raw(path, MediaType.APPLICATION_FORM_URLENCODED, "a=1".getBytes(StandardCharsets.UTF_8), "form instead of JSON"));
            if (endpoint.body() != null && endpoint.body().isRecord()) {
                ObjectNode plausible = plausibleJson(endpoint.body());
                for (RecordComponent component : endpoint.body().getRecordComponents()) {
                    for (HostileValues.Value value : sample()) {
                        ObjectNode node = plausible.deepCopy();
                        node.put(component.getName(), value.text());
                        attempts.add(factory.raw(path, MediaType.APPLICATION_JSON, json.writeValueAsBytes(node),
                                "JSON " + component.getName() + " = " + value.category() + " " + shorten(value.text())));
                    }
                    for (String wrong : List.of("{}", "[1,2]", "true", "-1", "1e400", "null", "\"\"")) {
                        ObjectNode node = plausible.deepCopy();
                        node.set(component.getName(), json.readTree(wrong));
                        attempts.add(factory.raw(path, MediaType.APPLICATION_JSON, json.writeValueAsBytes(node),
                                "JSON " + component.getName() + " = " + wrong));
                    }
                }
            }
        }
        return attempts;
    }

    /** The hostile values one field gets: always markup and an oversized value, then a seeded sample of the rest. */
    private List<HostileValues.Value> sample() {
        List<HostileValues.Value> all = HostileValues.texts();
        List<HostileValues.Value> chosen = new ArrayList<>();
        all.stream().filter(v -> v.category().equals("markup")).limit(2).forEach(chosen::add);
        chosen.add(all.get(0));
        List<HostileValues.Value> rest = new ArrayList<>(all);
        rest.removeAll(chosen);
        java.util.Collections.shuffle(rest, random);
        chosen.addAll(rest.subList(0, Math.max(0, Math.min(rest.size(), VALUES_PER_FIELD - chosen.size()))));
        return chosen;
    }

    private String plausible(Field field) {
        String name = field.name().toLowerCase(Locale.ROOT);
        return switch (field.kind()) {
            case NUMBER -> name.contains("minutes") || name.contains("hours") ? "30" : "1";
            case DECIMAL -> "1.5";
            case BOOLEAN -> "true";
            case DATE -> LocalDate.now().plusDays(7).toString();
            case TIME -> "10:00";
            case DATETIME -> LocalDateTime.now().plusDays(7).withNano(0).withSecond(0).toString();
            case ENUM -> ((Enum<?>) field.type().getEnumConstants()[0]).name();
            case UUID -> new UUID(random.nextLong(), random.nextLong()).toString();
            default -> name.contains("email") || name.equals("contact") ? "hostile" + random.nextInt(100_000) + "@example.org"
                    : name.contains("url") || name.contains("link") || name.contains("website") ? "https://example.org/hostile"
                    : name.contains("phone") ? "+37060000000"
                    : "Hostile " + field.name();
        };
    }

    private ObjectNode plausibleJson(Class<?> record) {
        ObjectNode node = json.createObjectNode();
        for (RecordComponent component : record.getRecordComponents()) {
            Field field = field(component.getName(), component.getType());
            String value = plausible(field);
            switch (field.kind()) {
                case NUMBER -> node.put(component.getName(), component.getName().toLowerCase(Locale.ROOT).contains("organisation")
                        ? Long.parseLong(ids.fill("/organisations/{id}").orElse("/organisations/1").substring("/organisations/".length())) : 1);
                case DECIMAL -> node.put(component.getName(), 1.5);
                case BOOLEAN -> node.put(component.getName(), true);
                default -> {
                    if (List.class.isAssignableFrom(component.getType())) {
                        node.putArray(component.getName());
                    } else {
                        node.put(component.getName(), value);
                    }
                }
            }
        }
        return node;
    }

    private static String replaceVariable(String pattern, int index, String bad, String filled) {
        // the pattern's other variables keep the filled values: rebuild from the filled path segment by segment
        String[] patternSegments = pattern.split("/");
        String[] filledSegments = filled.split("/");
        int seen = -1;
        for (int i = 0; i < patternSegments.length && i < filledSegments.length; i++) {
            if (VARIABLE.matcher(patternSegments[i]).find() && ++seen == index) {
                filledSegments[i] = bad;
            }
        }
        return String.join("/", filledSegments);
    }

    private static MockMultipartFile plainFile(Field field) {
        return new MockMultipartFile(field.name(), "notes.txt", "text/plain", "plain notes".getBytes(StandardCharsets.UTF_8));
    }

    /** Builds requests as the allowed caller, in Lithuanian, with a CSRF token. */
    private final class Factory {
        private final Endpoint endpoint;
        private final CurrentAccount caller;
        private final String token;
        private final boolean api;

        Factory(Endpoint endpoint, CurrentAccount caller, String token, boolean api) {
            this.endpoint = endpoint;
            this.caller = caller;
            this.token = token;
            this.api = api;
        }

        Attempt form(String path, Map<String, String> params, MockMultipartFile file, String what) {
            AbstractMockHttpServletRequestBuilder<?> builder;
            HttpMethod method = HttpMethod.valueOf(endpoint.method());
            if (file != null) {
                MockMultipartHttpServletRequestBuilder multipart = multipart(method, SITE + path);
                multipart.file(file);
                builder = multipart;
            } else {
                builder = request(method, SITE + path);
            }
            for (var param : params.entrySet()) {
                builder = builder.param(param.getKey(), param.getValue());
            }
            return finish(builder, path, what);
        }

        Attempt raw(String path, MediaType type, byte[] body, String what) {
            return finish(request(HttpMethod.valueOf(endpoint.method()), SITE + path).contentType(type).content(body), path, what);
        }

        private Attempt finish(AbstractMockHttpServletRequestBuilder<?> builder, String path, String what) {
            builder = builder.header("Accept-Language", "lt");
            if (api) {
                builder = builder.accept(MediaType.APPLICATION_JSON);
                if (!endpoint.method().equals("GET")) {
                    builder = builder.header("Authorization", token);
                }
            } else {
                builder = builder.accept(MediaType.TEXT_HTML, MediaType.ALL).with(user(caller));
            }
            if (!endpoint.method().equals("GET")) {
                builder = builder.with(csrf());
            }
            return new Attempt(endpoint.method() + " " + SITE + shorten(path) + " [" + endpoint.pattern() + "] " + what, builder);
        }
    }

    // ------------------------------------------------------------ what must come back

    private void check(Endpoint endpoint, Attempt attempt, MvcResult result) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String type = Objects.toString(response.getContentType(), "");
        if (status >= 500) {
            fail(endpoint, attempt, "server error " + status + (result.getResolvedException() == null ? ""
                    : " from " + result.getResolvedException().getClass().getSimpleName() + ": " + firstLine(result.getResolvedException().getMessage())));
            return;
        }
        if (type.contains("html") || type.contains("json") || type.startsWith("text/")) {
            Matcher trace = STACK_TRACE.matcher(body);
            if (trace.find()) {
                fail(endpoint, attempt, "internals in the answer: " + trace.group() + " in «"
                        + shorten(body.substring(Math.max(0, trace.start() - 60), Math.min(body.length(), trace.end() + 40))) + "»");
            }
        }
        if (type.contains("html")) {
            for (String markup : HostileValues.MARKUP) {
                if (body.contains(markup)) {
                    fail(endpoint, attempt, "hostile markup reflected unescaped: " + markup);
                }
            }
        }
        String location = response.getRedirectedUrl();
        if (location != null && (location.toLowerCase(Locale.ROOT).startsWith("javascript:") || location.startsWith("//")
                || location.matches("(?i)^https?://(?!localhost[:/]).*"))) {
            fail(endpoint, attempt, "redirected away from the site: " + shorten(location));
        }
        if (status < 400) {
            return;
        }
        if (body.isEmpty()) {
            // the container shows its error page (ErrorPages, translated) for a bare status
            emptyErrorBodies++;
            return;
        }
        if (endpoint.pattern().startsWith("/api/") || type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            if (!type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                fail(endpoint, attempt, "API error " + status + " is not problem details but " + type);
                return;
            }
            JsonNode problem = json.readTree(body);
            String code = problem.path("code").asString("");
            checkTranslated(endpoint, attempt, "detail", problem.path("detail").asString(""), code);
            checkTranslated(endpoint, attempt, "title", problem.path("title").asString(""), "error.title." + status);
            problem.path("errors").properties().forEach(e -> checkTranslated(endpoint, attempt, "errors." + e.getKey(), e.getValue().asString(""), null));
        } else if (type.contains("html")) {
            if (!body.contains("lang=\"lt\"")) {
                fail(endpoint, attempt, "error page " + status + " not in Lithuanian");
            }
            if (body.contains("??")) {
                int at = body.indexOf("??");
                fail(endpoint, attempt, "error page " + status + " shows a message key: " + shorten(body.substring(at, Math.min(body.length(), at + 60))));
            }
            for (String english : List.of("must not be", "must be a", "must be less", "must be greater", "size must be", "Failed to convert",
                    "Something went wrong", "Page not found", "Bad Request", "Whitelabel")) {
                if (body.contains(english)) {
                    fail(endpoint, attempt, "error page " + status + " in English: " + english);
                }
            }
        } else {
            fail(endpoint, attempt, "error " + status + " answered as " + type + ": " + shorten(body));
        }
    }

    private void checkTranslated(Endpoint endpoint, Attempt attempt, String what, String text, String key) {
        if (text.isBlank()) {
            fail(endpoint, attempt, "problem without " + what);
            return;
        }
        if (MESSAGE_KEY.matcher(text).matches()) {
            fail(endpoint, attempt, "problem " + what + " is a message key: " + text);
            return;
        }
        String english = key == null ? null : messages.getMessage(key, null, null, Locale.ENGLISH);
        String lithuanian = key == null ? null : messages.getMessage(key, null, null, Locale.forLanguageTag("lt"));
        if (english != null && !english.equals(lithuanian) && text.equals(english)) {
            fail(endpoint, attempt, "problem " + what + " in English: " + text);
        }
        for (String englishWords : List.of("must not be", "must be ", "size must", "Failed to", "Required ", "is not valid", "Invalid ")) {
            if (text.contains(englishWords)) {
                fail(endpoint, attempt, "problem " + what + " in English: " + shorten(text));
            }
        }
    }

    /** A refusal: an error status, a redirect carrying a problem back to the form, or a form shown again with errors. */
    private static boolean refused(MvcResult result) {
        int status = result.getResponse().getStatus();
        if (status >= 400) {
            return true;
        }
        if (status >= 300 && result.getFlashMap() != null && result.getFlashMap().keySet().stream()
                .anyMatch(key -> key.toLowerCase(Locale.ROOT).contains("problem") || key.toLowerCase(Locale.ROOT).contains("error"))) {
            return true;
        }
        if (result.getModelAndView() != null) {
            for (Object value : result.getModelAndView().getModel().values()) {
                if (value instanceof BindingResult binding && binding.hasErrors()) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------ stored markup

    /** Opens every page (as the people above) and the public pages, and looks for hostile markup that came back raw. */
    private int noStoredMarkup(List<Endpoint> written) throws Exception {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/activities", "/map", "/organisations", "/badges", "/playlists",
                "/portfolios/demo", "/network/methods", "/impact", "/verify", "/account", "/account/badges", "/account/playlists"));
        Map<String, String> who = new LinkedHashMap<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!entry.getKey().getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET)
                        || pattern.startsWith("/api/") || pattern.equals("/error") || pattern.contains("sign-out") || pattern.endsWith(".pdf")
                        || pattern.endsWith(".png") || pattern.endsWith(".ics") || pattern.endsWith(".csv")) {
                    continue;
                }
                ids.fill(pattern).ifPresent(path -> {
                    paths.add(path);
                    try {
                        who.put(path, access().getOrDefault("GET " + pattern, "SIGNED_IN"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        // the things the run created: newest rows of the staff's organisation
        jdbc.sql("SELECT id FROM activity WHERE organisation_id = (SELECT organisation_id FROM membership m JOIN account a ON a.id = m.account_id"
                        + " WHERE a.email = 'owner@example.org' ORDER BY organisation_id LIMIT 1) ORDER BY id DESC LIMIT 5")
                .query(Long.class).list().forEach(id -> paths.add("/activities/" + id));
        int opened = 0;
        for (String path : paths) {
            String rule = who.getOrDefault(path, "SIGNED_IN");
            for (String viewer : rule.equals("PUBLIC") ? List.of("anonymous", "SIGNED_IN") : List.of(rule)) {
                MockHttpServletRequestBuilder builder = request(HttpMethod.GET, SITE + path).header("Accept-Language", "lt").accept(MediaType.TEXT_HTML);
                if (!viewer.equals("anonymous")) {
                    builder = builder.with(user(callers.getOrDefault(viewer, callers.get("SIGNED_IN"))));
                }
                MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
                opened++;
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                if (!Objects.toString(response.getContentType(), "").contains("html")) {
                    continue;
                }
                for (String markup : HostileValues.MARKUP) {
                    if (body.contains(markup)) {
                        failures.add("stored markup: GET " + SITE + path + " as " + viewer + " shows " + markup);
                        failureCounts.merge("stored markup", 1, Integer::sum);
                    }
                }
                if (response.getStatus() >= 500) {
                    failures.add("GET " + SITE + path + " as " + viewer + " after the run: " + response.getStatus());
                    failureCounts.merge("server error after the run", 1, Integer::sum);
                }
            }
        }
        return opened;
    }

    // ------------------------------------------------------------ helpers

    private void fail(Endpoint endpoint, Attempt attempt, String what) {
        String kind = what.replaceAll("[:(].*", "").replaceAll("\\d{3}", "").trim();
        failureCounts.merge(kind, 1, Integer::sum);
        failures.add(what + "  <-  " + attempt.description() + "  (" + endpoint.handler().getBeanType().getSimpleName() + "#"
                + endpoint.handler().getMethod().getName() + ")");
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "·");
        return printable.length() > 80 ? printable.substring(0, 60) + "…(" + printable.length() + " chars)" : printable;
    }

    private static String firstLine(String text) {
        return text == null ? "" : shorten(text.lines().findFirst().orElse(""));
    }

    @SuppressWarnings("unused")
    private static Set<String> sorted(Collection<String> items) {
        return new TreeSet<>(items);
    }
}
