import java.net.URI;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Concurrent sign-ups through the API: seeds sessions, accounts and personal API tokens straight into
 * the benchmark database, sends every sign-up at once (one per account, spread evenly over the
 * sessions), then checks with SQL that no session is overbooked and that every pool's count matches
 * its sign-ups. Run by bench/enrolment.sh; arguments: base URL, JDBC URL, sign-ups, sessions, places,
 * concurrency, warm-up sign-ups.
 */
public class EnrolmentBench {

    record Seeded(List<Long> sessions, List<String> tokens) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int signUps = Integer.parseInt(args[2]);
        int sessionCount = Integer.parseInt(args[3]);
        int places = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            if (warmup > 0) {
                Seeded w = seed(db, run + "w", warmup, Math.max(1, warmup / 10), places);
                fire(http, base, w, warmup, concurrency, "warm-up");
            }
            Seeded s = seed(db, run, signUps, sessionCount, places);
            Result result = fire(http, base, s, signUps, concurrency, "measured");
            System.out.printf("RESULT signups=%d sessions=%d places=%d concurrency=%d seconds=%.3f rate=%.0f/s p50=%dms p95=%dms p99=%dms max=%dms statuses=%s%n",
                    signUps, sessionCount, places, concurrency, result.seconds, signUps / result.seconds,
                    result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100), result.statuses);
            check(db, s.sessions(), signUps, sessionCount, places);
        }
    }

    record Result(double seconds, long[] millis, Map<Integer, Integer> statuses) {
        long percentile(int p) {
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)];
        }
    }

    static Result fire(HttpClient http, String base, Seeded seeded, int count, int concurrency, String label) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(count);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLongArray millis = new AtomicLongArray(count);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            long session = seeded.sessions().get(i % seeded.sessions().size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions/" + session + "/enrolment"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + seeded.tokens().get(i))
                    .header("Idempotency-Key", "bench-" + i)
                    .header("Accept-Language", "lt")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    inFlight.acquire();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    } finally {
                        inFlight.release();
                    }
                    millis.set(n, (System.nanoTime() - t0) / 1_000_000);
                    statuses.merge(status, 1, Integer::sum);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = new long[count];
        for (int i = 0; i < count; i++) {
            all[i] = millis.get(i);
        }
        System.err.printf("%s: %d sign-ups in %.2f s, statuses %s%n", label, count, seconds, new TreeMap<>(statuses));
        return new Result(seconds, all, new TreeMap<>(statuses));
    }

    static Seeded seed(Connection db, String run, int people, int sessionCount, int places) throws Exception {
        db.setAutoCommit(false);
        long site = single(db, "SELECT id FROM site WHERE slug = 'lietuva'");
        long organisation = single(db, "INSERT INTO organisation (site_id, slug, kind, name, status) VALUES (" + site
                + ", 'bench-" + run + "', 'LIBRARY', '{\"en\": \"Bench library\"}', 'APPROVED') RETURNING id");
        long venue = single(db, "INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon) VALUES (" + site + ", "
                + organisation + ", 'LIBRARY_BRANCH', '{\"en\": \"Bench branch\"}', 'Gedimino pr. 1', 'Vilnius', 54.69, 25.28) RETURNING id");
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            long activity = single(db, "INSERT INTO activity (site_id, organisation_id, kind, status, title, published_at) VALUES (" + site + ", "
                    + organisation + ", 'CLASS', 'PUBLISHED', '{\"en\": \"Bench class " + i + "\"}', now()) RETURNING id");
            sessions.add(single(db, "INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity) VALUES ("
                    + site + ", " + organisation + ", " + activity + ", " + venue
                    + ", now() + interval '3 days', now() + interval '3 days 2 hours', " + places + ") RETURNING id"));
        }
        List<String> tokens = new ArrayList<>();
        try (PreparedStatement account = db.prepareStatement(
                "INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, '{noop}x', ?, 'lt') RETURNING id");
             PreparedStatement token = db.prepareStatement("INSERT INTO api_token (account_id, name, token_hash) VALUES (?, 'bench', ?)")) {
            for (int i = 0; i < people; i++) {
                account.setString(1, "bench-" + run + "-" + i + "@example.org");
                account.setString(2, "Bench person " + i);
                long id;
                try (ResultSet rs = account.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                String secret = "lm_bench_" + run + "_" + i;
                token.setLong(1, id);
                token.setString(2, sha256(secret));
                token.addBatch();
                tokens.add(secret);
            }
            token.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        return new Seeded(sessions, tokens);
    }

    static void check(Connection db, List<Long> sessions, int signUps, int sessionCount, int places) throws Exception {
        String ids = sessions.toString().replace('[', '(').replace(']', ')');
        long overbooked = single(db, "SELECT count(*) FROM place_pool WHERE session_id IN " + ids + " AND confirmed > capacity");
        long mismatched = single(db, "SELECT count(*) FROM place_pool p WHERE p.session_id IN " + ids
                + " AND p.confirmed <> (SELECT count(*) FROM enrolment e WHERE e.pool_id = p.id AND e.status = 'CONFIRMED')");
        long confirmed = single(db, "SELECT count(*) FROM enrolment WHERE session_id IN " + ids + " AND status = 'CONFIRMED'");
        long waiting = single(db, "SELECT count(*) FROM enrolment WHERE session_id IN " + ids + " AND status = 'WAITLISTED'");
        long doubles = single(db, "SELECT count(*) FROM (SELECT pool_id, account_id FROM enrolment WHERE session_id IN " + ids
                + " AND status <> 'CANCELLED' GROUP BY 1, 2 HAVING count(*) > 1) d");
        int perSession = signUps / sessionCount;
        long expectedConfirmed = (long) Math.min(perSession, places) * sessionCount;
        System.out.printf("CHECK overbooked_sessions=%d count_mismatches=%d double_places=%d confirmed=%d (expected %d) waitlisted=%d (expected %d)%n",
                overbooked, mismatched, doubles, confirmed, expectedConfirmed, waiting, signUps - expectedConfirmed);
        if (overbooked != 0 || mismatched != 0 || doubles != 0 || confirmed != expectedConfirmed || confirmed + waiting != signUps) {
            System.out.println("CHECK FAILED");
            System.exit(2);
        }
        System.out.println("CHECK OK");
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
