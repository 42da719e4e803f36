import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-up storm of scripts/two-nodes.sh: seeds sessions with few places and accounts with personal
 * API tokens straight into the database, sends every sign-up through the load balancer with an
 * Idempotency-Key, while an educator signed in through the load balancer awards a badge to one address
 * after another (each form with its own one-time key). Once a share of the sign-ups is answered it kills
 * node A with SIGKILL. A request whose answer did not arrive (connection lost, 502/503/504, any 5xx) is
 * sent again with the same key until a definite answer comes. Then it checks with SQL that every answer
 * the client saw is in the database exactly once, that no session is over capacity and nobody is twice
 * in one, and that every award the client saw exists once. Arguments: base URL (with the site), JDBC URL,
 * pid of node A, sign-ups, sessions, places, concurrency, share of answers after which node A dies (0..1).
 * Prints "RESULT name=value" lines and "CHECK FAILED ..." for every failed check (exit 2).
 */
public class Storm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ENROLMENT = Pattern.compile("\"id\"\\s*:\\s*(\\d+).*?\"status\"\\s*:\\s*\"([A-Z]+)\"", Pattern.DOTALL);

    record Answer(int person, long session, int code, long enrolmentId, String status, int attempts) {
    }

    record AwardAnswer(String email, String formKey, int code, String location, int attempts) {
    }

    static final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        long nodeA = Long.parseLong(args[2]);
        int signUps = Integer.parseInt(args[3]);
        int sessionCount = Integer.parseInt(args[4]);
        int places = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        double killAt = Double.parseDouble(args[7]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.setAutoCommit(false);
            long site = single(db, "SELECT id FROM site WHERE slug = 'lietuva'");
            long organisation = single(db, "INSERT INTO organisation (site_id, slug, kind, name, status) VALUES (" + site
                    + ", 'storm-" + run + "', 'LIBRARY', '{\"en\": \"Storm library\"}', 'APPROVED') RETURNING id");
            long venue = single(db, "INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon) VALUES (" + site + ", "
                    + organisation + ", 'LIBRARY_BRANCH', '{\"en\": \"Storm branch\"}', 'Gedimino pr. 1', 'Vilnius', 54.69, 25.28) RETURNING id");
            List<Long> sessions = new ArrayList<>();
            for (int i = 0; i < sessionCount; i++) {
                long activity = single(db, "INSERT INTO activity (site_id, organisation_id, kind, status, title, published_at) VALUES (" + site + ", "
                        + organisation + ", 'CLASS', 'PUBLISHED', '{\"en\": \"Storm class " + i + "\"}', now()) RETURNING id");
                sessions.add(single(db, "INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity) VALUES ("
                        + site + ", " + organisation + ", " + activity + ", " + venue
                        + ", now() + interval '3 days', now() + interval '3 days 2 hours', " + places + ") RETURNING id"));
            }
            List<String> tokens = new ArrayList<>();
            List<Long> accounts = new ArrayList<>();
            try (PreparedStatement account = db.prepareStatement(
                    "INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, '{noop}x', ?, 'lt') RETURNING id");
                 PreparedStatement token = db.prepareStatement("INSERT INTO api_token (account_id, name, token_hash) VALUES (?, 'storm', ?)")) {
                for (int i = 0; i < signUps; i++) {
                    account.setString(1, "storm-" + run + "-" + i + "@example.org");
                    account.setString(2, "Storm person " + i);
                    long id;
                    try (ResultSet rs = account.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    String secret = "lm_storm_" + run + "_" + i;
                    token.setLong(1, id);
                    token.setString(2, sha256(secret));
                    token.addBatch();
                    tokens.add(secret);
                    accounts.add(id);
                }
                token.executeBatch();
            }
            long badge;
            try (PreparedStatement st = db.prepareStatement("""
                    INSERT INTO badge (site_id, organisation_id, source, name, description, criteria)
                    SELECT o.site_id, o.id, 'CUSTOM', jsonb_build_object('en', 'Storm badge ' || ?), '{}'::jsonb, '{}'::jsonb
                      FROM organisation o JOIN membership m ON m.organisation_id = o.id JOIN account a ON a.id = m.account_id
                     WHERE a.email = 'educator@example.org' ORDER BY o.id LIMIT 1
                    RETURNING id""")) {
                st.setString(1, run);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    badge = rs.getLong(1);
                }
            }
            db.commit();
            db.setAutoCommit(true);
            long firstOutbox = single(db, "SELECT coalesce(max(id), 0) FROM outbox_email");

            // The educator signs in through the load balancer, as a person does.
            HttpClient educator = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            String signInPage = send(educator, HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build()).body();
            HttpResponse<String> signedIn = send(educator, form(base + "/sign-in", Map.of("username", "educator@example.org",
                    "password", "LearningMap-demo-2026", "_csrf", csrf(signInPage))));
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("the educator could not sign in: " + signedIn.statusCode());
            }
            String awardPage = send(educator, HttpRequest.newBuilder(URI.create(base + "/staff/badges/" + badge + "/award")).GET().build()).body();
            String token = csrf(awardPage);

            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean signUpsDone = new AtomicBoolean();
            ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<AwardAnswer> awardAnswers = new ConcurrentLinkedQueue<>();
            long[] killedAt = {0};
            long[] killedEpoch = {0};
            int killAfter = (int) Math.max(1, signUps * killAt);

            Semaphore inFlight = new Semaphore(concurrency);
            CountDownLatch done = new CountDownLatch(signUps);
            long started = System.nanoTime();
            for (int i = 0; i < signUps; i++) {
                int person = i;
                long session = sessions.get(i % sessions.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions/" + session + "/enrolment"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + tokens.get(i))
                        .header("Idempotency-Key", "storm-" + run + "-" + i)
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                Thread.ofVirtual().start(() -> {
                    try {
                        inFlight.acquire();
                        try {
                            int attempts = 0;
                            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                            while (true) {
                                attempts++;
                                HttpResponse<String> response = null;
                                try {
                                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                                } catch (Exception e) {
                                    // no answer: try again with the same key
                                }
                                if (response != null && response.statusCode() < 500 && response.statusCode() != 429) {
                                    Matcher m = ENROLMENT.matcher(response.body());
                                    boolean found = m.find();
                                    answers.add(new Answer(person, session, response.statusCode(), found ? Long.parseLong(m.group(1)) : -1,
                                            found ? m.group(2) : response.body(), attempts));
                                    break;
                                }
                                if (System.nanoTime() > deadline) {
                                    answers.add(new Answer(person, session, response == null ? -1 : response.statusCode(), -1, "GAVE UP", attempts));
                                    break;
                                }
                                Thread.sleep(200);
                            }
                        } finally {
                            inFlight.release();
                        }
                        if (answered.incrementAndGet() == killAfter) {
                            ProcessHandle.of(nodeA).ifPresent(ProcessHandle::destroyForcibly);
                            killedAt[0] = System.nanoTime();
                            killedEpoch[0] = System.currentTimeMillis();
                            System.err.printf("node A (pid %d) killed with SIGKILL after %d of %d sign-ups were answered%n", nodeA, killAfter, signUps);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }

            // Awards while the sign-ups go on: each with a fresh one-time form key, retried with the same key.
            List<Thread> awarders = new ArrayList<>();
            AtomicInteger awardNumber = new AtomicInteger();
            for (int w = 0; w < 3; w++) {
                awarders.add(Thread.ofVirtual().start(() -> {
                    while (!signUpsDone.get()) {
                        int n = awardNumber.incrementAndGet();
                        String email = "storm-award-" + run + "-" + n + "@example.org";
                        String formKey = UUID.randomUUID().toString();
                        HttpRequest request = form(base + "/staff/badges/" + badge + "/award/person",
                                Map.of("email", email, "formKey", formKey, "_csrf", token));
                        int attempts = 0;
                        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                        while (true) {
                            attempts++;
                            HttpResponse<String> response = null;
                            try {
                                response = educator.send(request, HttpResponse.BodyHandlers.ofString());
                            } catch (Exception e) {
                                // no answer
                            }
                            if (response != null && response.statusCode() < 500) {
                                awardAnswers.add(new AwardAnswer(email, formKey, response.statusCode(),
                                        response.headers().firstValue("Location").orElse(""), attempts));
                                break;
                            }
                            if (System.nanoTime() > deadline) {
                                awardAnswers.add(new AwardAnswer(email, formKey, -1, "GAVE UP", attempts));
                                break;
                            }
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        try {
                            Thread.sleep(30);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            done.await();
            signUpsDone.set(true);
            for (Thread t : awarders) {
                t.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (killedAt[0] == 0) {
                failures.add("node A was never killed");
            }

            // --- checks
            String ids = sessions.toString().replace('[', '(').replace(']', ')');
            Map<Integer, Integer> codes = new HashMap<>();
            answers.forEach(a -> codes.merge(a.code(), 1, Integer::sum));
            long gaveUp = answers.stream().filter(a -> a.status().equals("GAVE UP")).count();
            long definite = answers.stream().filter(a -> a.code() == 200 || a.code() == 201).count();
            long confirmedSeen = answers.stream().filter(a -> a.status().equals("CONFIRMED")).count();
            long retriedToExisting = answers.stream().filter(a -> a.attempts() > 1 && a.code() == 200).count();
            check(answers.size() == signUps, "every sign-up got an answer (" + answers.size() + " of " + signUps + ")");
            check(gaveUp == 0, "no sign-up given up (" + gaveUp + ")");
            check(definite == signUps, "every answer is 200/201 (" + codes + ")");
            Map<Long, Answer> byId = new HashMap<>();
            for (Answer a : answers) {
                if (a.enrolmentId() > 0 && byId.put(a.enrolmentId(), a) != null) {
                    failures.add("two people were answered with the same enrolment " + a.enrolmentId());
                }
            }
            int missing = 0;
            int wrong = 0;
            try (PreparedStatement st = db.prepareStatement("SELECT session_id, account_id, status FROM enrolment WHERE id = ?")) {
                for (Answer a : answers) {
                    if (a.enrolmentId() <= 0) {
                        continue;
                    }
                    st.setLong(1, a.enrolmentId());
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            missing++;
                        } else if (rs.getLong(1) != a.session() || rs.getLong(2) != accounts.get(a.person())
                                || rs.getString(3).equals("CANCELLED")) {
                            wrong++;
                        }
                    }
                }
            }
            check(missing == 0, "every sign-up the client saw exists (" + missing + " missing)");
            check(wrong == 0, "every sign-up the client saw is the right person's in the right session (" + wrong + " wrong)");
            long rows = single(db, "SELECT count(*) FROM enrolment WHERE session_id IN " + ids + " AND status <> 'CANCELLED'");
            check(rows == signUps, "exactly one sign-up per request in the database (" + rows + " rows for " + signUps + " requests)");
            long overbooked = single(db, "SELECT count(*) FROM place_pool WHERE session_id IN " + ids + " AND confirmed > capacity");
            long mismatched = single(db, "SELECT count(*) FROM place_pool p WHERE p.session_id IN " + ids
                    + " AND p.confirmed <> (SELECT count(*) FROM enrolment e WHERE e.pool_id = p.id AND e.status = 'CONFIRMED')");
            long doubles = single(db, "SELECT count(*) FROM (SELECT session_id, account_id FROM enrolment WHERE session_id IN " + ids
                    + " AND status <> 'CANCELLED' GROUP BY 1, 2 HAVING count(*) > 1) d");
            long confirmed = single(db, "SELECT count(*) FROM enrolment WHERE session_id IN " + ids + " AND status = 'CONFIRMED'");
            long expectedConfirmed = (long) Math.min(signUps / sessionCount, places) * sessionCount;
            check(overbooked == 0, "no session over capacity (" + overbooked + ")");
            check(mismatched == 0, "every session's count of places matches its sign-ups (" + mismatched + ")");
            check(doubles == 0, "nobody twice in a session (" + doubles + ")");
            check(confirmed == expectedConfirmed, "every place taken, none more (" + confirmed + " of " + expectedConfirmed + ")");

            long awardsDefinite = awardAnswers.stream().filter(a -> a.code() == 302 && a.location().contains("/staff/badges/" + badge + "/award")).count();
            long awardsLostSession = awardAnswers.stream().filter(a -> a.location().contains("sign-in")).count();
            check(awardsDefinite == awardAnswers.size(), "every award answered by the award page (" + awardsDefinite + " of "
                    + awardAnswers.size() + ", " + awardsLostSession + " sent to sign in)");
            int awardsMissingOrTwice = 0;
            try (PreparedStatement st = db.prepareStatement("SELECT count(*) FROM award WHERE badge_id = ? AND idempotency_key = ?")) {
                for (AwardAnswer a : awardAnswers) {
                    st.setLong(1, badge);
                    st.setString(2, "educator:" + a.formKey() + ":" + a.email());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != 1) {
                            awardsMissingOrTwice++;
                        }
                    }
                }
            }
            long awardRows = single(db, "SELECT count(*) FROM award WHERE badge_id = " + badge);
            long awardDoubles = single(db, "SELECT count(*) FROM (SELECT lower(recipient_email) FROM award WHERE badge_id = " + badge
                    + " AND revoked_at IS NULL GROUP BY 1 HAVING count(*) > 1) d");
            check(awardsMissingOrTwice == 0, "every award the client saw exists exactly once (" + awardsMissingOrTwice + " not)");
            check(awardRows == awardAnswers.size(), "as many awards as the client made (" + awardRows + " for " + awardAnswers.size() + ")");
            check(awardDoubles == 0, "nobody holds the badge twice (" + awardDoubles + ")");

            long retriedAwardsSeen = awardAnswers.stream().filter(a -> a.attempts() > 1).count();
            System.out.printf("RESULT storm_seconds=%.1f%n", seconds);
            System.out.printf("RESULT signups=%d%nRESULT sessions=%d%nRESULT places=%d%nRESULT statuses=%s%n", signUps, sessionCount, places,
                    codes.toString().replace(' ', '_'));
            System.out.printf("RESULT confirmed=%d%nRESULT waitlisted=%d%nRESULT retried_signups=%d%nRESULT retried_signups_answered_as_existing=%d%n",
                    confirmedSeen, signUps - confirmedSeen, answers.stream().filter(a -> a.attempts() > 1).count(), retriedToExisting);
            System.out.printf("RESULT awards=%d%nRESULT retried_awards=%d%n", awardAnswers.size(), retriedAwardsSeen);
            System.out.printf("RESULT killed_after_seconds=%.1f%n", killedAt[0] == 0 ? -1 : (killedAt[0] - started) / 1e9);
            System.out.printf("RESULT killed_at_epoch_ms=%d%n", killedEpoch[0]);
            System.out.printf("RESULT first_outbox_id=%d%n", firstOutbox);
            System.out.printf("RESULT badge=%d%n", badge);
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("CHECK FAILED " + f));
            System.exit(2);
        }
        System.out.println("CHECK OK");
    }

    static void check(boolean ok, String what) {
        System.out.println((ok ? "ok: " : "FAILED: ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    static HttpRequest form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    static long single(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sha256(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
