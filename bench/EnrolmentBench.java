import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Concurrent sign-ups through the API: seeds sessions, accounts and personal API tokens straight into
 * the benchmark database, sends every sign-up at once (one per account, spread evenly over the
 * sessions), then checks with SQL that no session is overbooked and that every pool's count matches
 * its sign-ups. Run by bench/enrolment.sh; arguments: base URL, JDBC URL, sign-ups, sessions, places,
 * concurrency, warm-up sign-ups, and optionally the application's process id, the database's data
 * directory and the clock ticks per second, to measure the CPU time of the application, of PostgreSQL
 * (the postmaster and its backends) and of this client during the measured phase (from /proc), and
 * the SQL statements it ran (from pg_stat_statements, when the server loads it).
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
        long appPid = args.length > 7 ? Long.parseLong(args[7]) : -1;
        Path dataDirectory = args.length > 8 ? Path.of(args[8]) : null;
        double ticks = args.length > 9 ? Double.parseDouble(args[9]) : 100;
        String run = Long.toString(System.currentTimeMillis(), 36);
        Http http = new Http(base);
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            if (warmup > 0) {
                Seeded w = seed(db, run + "w", warmup, Math.max(1, warmup / 10), places);
                fire(http, base, w, warmup, concurrency, "warm-up");
            }
            Seeded s = seed(db, run, signUps, sessionCount, places);
            boolean statements = statementsTracked(db);
            settle(db, "-infinity");
            String since = "" + single(db, "SELECT extract(epoch FROM now())::bigint");
            if (statements) {
                single(db, "SELECT count(*) FROM (SELECT pg_stat_statements_reset()) r");
            }
            long commits0 = single(db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
            Cpu before = Cpu.read(appPid, dataDirectory, ticks);
            Result result = fire(http, base, s, signUps, concurrency, "measured");
            Cpu answered = Cpu.read(appPid, dataDirectory, ticks);
            long settleMillis = settle(db, since);
            Cpu settled = Cpu.read(appPid, dataDirectory, ticks);
            long commits = single(db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()") - commits0;
            // per sign-up made: a request that failed (e.g. no pooled connection within 30 s on a saturated machine) is not one
            int made = Math.max(1, result.statuses().getOrDefault(201, 0) + result.statuses().getOrDefault(200, 0));
            if (made != signUps) {
                System.out.printf("NOTE only %d of %d requests signed someone up; the figures below are per sign-up made%n", made, signUps);
            }
            System.out.printf("RESULT signups=%d sessions=%d places=%d concurrency=%d seconds=%.3f rate=%.0f/s p50=%dms p95=%dms p99=%dms max=%dms statuses=%s%n",
                    signUps, sessionCount, places, concurrency, result.seconds, signUps / result.seconds,
                    result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100), result.statuses);
            if (appPid > 0) {
                System.out.printf("CPU until the last answer, ms per sign-up: application %.2f, postgres %.2f, client %.2f, total %.2f (budget for 500/s on %d cores: %.1f)%n",
                        (answered.app - before.app) / made, (answered.postgres - before.postgres) / made,
                        (answered.client - before.client) / made, (answered.total() - before.total()) / made,
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1000.0 / 500);
                System.out.printf("CPU including after-commit work (settled %d ms later), ms per sign-up: application %.2f, postgres %.2f, client %.2f, total %.2f%n",
                        settleMillis, (settled.app - before.app) / made, (settled.postgres - before.postgres) / made,
                        (settled.client - before.client) / made, (settled.total() - before.total()) / made);
                StringBuilder threads = new StringBuilder();
                settled.appThreads().entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.appThreads().getOrDefault(e.getKey(), 0.0)) / made))
                        .filter(e -> e.getValue() >= 0.01).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .forEach(e -> threads.append(String.format(" %s %.2f,", e.getKey(), e.getValue())));
                System.out.println("CPU of the application by thread, ms per sign-up:" + threads);
                double compiler = (settled.appThreads().getOrDefault("C CompilerThre", 0.0)
                        - before.appThreads().getOrDefault("C CompilerThre", 0.0)) / made;
                System.out.printf("CPU including after-commit work, without the JIT compiler's threads (they work off the first minutes after a "
                                + "start; BENCH_WARMUP_SIGNUPS=30000 leaves little to them), ms per sign-up: application %.2f, total %.2f%n",
                        (settled.app - before.app) / made - compiler, (settled.total() - before.total()) / made - compiler);
            }
            System.out.printf("SQL commits per sign-up: %.2f%n", commits / (double) made);
            if (statements) {
                statements(db, made);
            }
            http.close();
            check(db, s.sessions(), signUps, sessionCount, places);
        }
    }

    /** CPU milliseconds used so far by the application, by PostgreSQL (postmaster, its backends and its ended children) and by this client. */
    record Cpu(double app, double postgres, double client, Map<String, Double> appThreads) {
        double total() {
            return app + postgres + client;
        }

        /** The application's CPU by kind of thread (name without its number: GC, compiler, carriers of virtual threads…), ms. */
        static Map<String, Double> threads(long pid, double ticks) {
            Map<String, Double> byKind = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9#]+", "").strip();
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        byKind.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / ticks, Double::sum);
                    } catch (Exception ended) {
                        // the thread ended meanwhile
                    }
                }
            } catch (Exception e) {
                // no such process
            }
            return byKind;
        }

        static Cpu read(long appPid, Path dataDirectory, double ticks) throws Exception {
            double app = appPid > 0 ? ticks(appPid, false) : 0;
            double postgres = 0;
            if (dataDirectory != null && Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
                postgres = ticks(postmaster, true);
                try (var entries = Files.list(Path.of("/proc"))) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (name.chars().allMatch(Character::isDigit)) {
                            String[] f = fields(Long.parseLong(name));
                            if (f != null && Long.parseLong(f[1]) == postmaster) {
                                postgres += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                            }
                        }
                    }
                }
            }
            double client = ticks(ProcessHandle.current().pid(), false);
            return new Cpu(app * 1000 / ticks, postgres * 1000 / ticks, client * 1000 / ticks,
                    appPid > 0 ? threads(appPid, ticks) : Map.of());
        }

        /** utime + stime (+ cutime + cstime) in clock ticks. */
        static double ticks(long pid, boolean children) {
            String[] f = fields(pid);
            if (f == null) {
                return 0;
            }
            double t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return children ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        }

        /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
        static String[] fields(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (Exception e) {
                return null;
            }
        }
    }

    static boolean statementsTracked(Connection db) {
        try {
            single(db, "SELECT count(*) FROM pg_extension");
            try (var st = db.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            single(db, "SELECT count(*) FROM pg_stat_statements");
            return true;
        } catch (Exception e) {
            System.err.println("pg_stat_statements is not loaded: no statement counts (" + e.getMessage() + ")");
            return false;
        }
    }

    /** Waits (at most 60 s) until every event publication since the given time (epoch seconds) is completed; returns how long it took. */
    static long settle(Connection db, String since) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            long open;
            try {
                open = single(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= "
                        + (since.equals("-infinity") ? "now() - interval '10 minutes'" : "to_timestamp(" + since + ")"));
            } catch (Exception e) {
                return 0;
            }
            if (open == 0) {
                break;
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Statements per sign-up, and the most frequent ones, from pg_stat_statements (this client's own queries left out). */
    static void statements(Connection db, int signUps) throws Exception {
        String mine = "query NOT ILIKE '%pg_stat%' AND query NOT ILIKE '%event_publication WHERE completion_date IS NULL%' "
                + "AND query NOT ILIKE '%FROM pg_extension%' AND query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')";
        long calls = single(db, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + mine);
        System.out.printf("SQL statements per sign-up: %.1f (%d in all, BEGIN/COMMIT not counted)%n", calls / (double) signUps, calls);
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT calls, round(total_exec_time::numeric, 1), "
                + "regexp_replace(left(query, 150), '\\s+', ' ', 'g') FROM pg_stat_statements WHERE " + mine + " ORDER BY calls DESC LIMIT 30")) {
            while (rs.next()) {
                System.out.printf("  %6.2f per sign-up %9s ms  %s%n", rs.getLong(1) / (double) signUps, rs.getString(2), rs.getString(3));
            }
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

    static Result fire(Http http, String base, Seeded seeded, int count, int concurrency, String label) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(count);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLongArray millis = new AtomicLongArray(count);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        String path = URI.create(base).getRawPath();
        for (int i = 0; i < count; i++) {
            int n = i;
            long session = seeded.sessions().get(i % seeded.sessions().size());
            // one real HTTP/1.1 request per sign-up, with its own token and Idempotency-Key
            byte[] request = ("POST " + path + "/api/v1/sessions/" + session + "/enrolment HTTP/1.1\r\n"
                    + "Host: " + http.host + ":" + http.port + "\r\n"
                    + "Authorization: Bearer " + seeded.tokens().get(i) + "\r\n"
                    + "Idempotency-Key: bench-" + i + "\r\n"
                    + "Accept-Language: lt\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    inFlight.acquire();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request);
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

    /**
     * A small HTTP/1.1 client over plain sockets with kept-alive connections (one per request in flight):
     * it writes the request's bytes and reads the status line, the headers and the body (by Content-Length
     * or chunked) of the answer. java.net.http cost the client about 1 CPU-ms per request, a quarter of the
     * whole budget; this costs a fraction of that. A connection the server closed while idle is replaced
     * and the request sent again (safe: the request carries its Idempotency-Key).
     */
    static final class Http {
        final String host;
        final int port;
        private final java.util.concurrent.ConcurrentLinkedQueue<Connection> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Http(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        int send(byte[] request) throws java.io.IOException {
            Connection pooled = idle.poll();
            if (pooled != null) {
                try {
                    return pooled.exchange(request, this);
                } catch (java.io.IOException stale) {
                    if (pooled.answered) {
                        throw stale;
                    }
                    pooled.close();
                }
            }
            return new Connection(host, port).exchange(request, this);
        }

        void close() {
            Connection c;
            while ((c = idle.poll()) != null) {
                c.close();
            }
        }

        static final class Connection {
            private final java.net.Socket socket;
            private final java.io.InputStream in;
            private final java.io.OutputStream out;
            boolean answered;

            Connection(String host, int port) throws java.io.IOException {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new java.net.InetSocketAddress(host, port), 10_000);
                socket.setSoTimeout(120_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
                out = socket.getOutputStream();
            }

            int exchange(byte[] request, Http owner) throws java.io.IOException {
                answered = false;
                out.write(request);
                out.flush();
                String statusLine = line();
                answered = true;
                if (statusLine == null) {
                    throw new java.io.EOFException("connection closed");
                }
                int status = Integer.parseInt(statusLine.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).strip();
                    String value = header.substring(colon + 1).strip();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                        chunked = true;
                    } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                        close = true;
                    }
                }
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                         size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                        skip(size);
                        line();
                    }
                    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                        // trailers: none expected
                    }
                } else if (length > 0) {
                    skip(length);
                } else if (length < 0) {
                    close = true;
                    while (in.read() >= 0) {
                        // body until the server closes
                    }
                }
                if (close) {
                    close();
                } else {
                    owner.idle.add(this);
                }
                return status;
            }

            private void skip(long n) throws java.io.IOException {
                while (n > 0) {
                    long skipped = in.skip(n);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            throw new java.io.EOFException();
                        }
                        skipped = 1;
                    }
                    n -= skipped;
                }
            }

            private String line() throws java.io.IOException {
                StringBuilder b = new StringBuilder(64);
                int c;
                while ((c = in.read()) >= 0) {
                    if (c == '\n') {
                        int end = b.length();
                        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
                    }
                    b.append((char) c);
                }
                return b.isEmpty() ? null : b.toString();
            }

            void close() {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
            }
        }
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
