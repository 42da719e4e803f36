import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV bulk award of many rows through the staff page, as an educator does it: makes a badge of the
 * demo library in the benchmark database, signs in as the demo educator, uploads a file of N rows
 * (every 500th row with a malformed address, to be reported), and waits until the job is finished.
 * Prints the time from the upload to the last row, and checks with SQL that every valid row has
 * exactly one award and every malformed one a report line. Run by bench/bulk-award.sh; arguments:
 * base URL, JDBC URL, rows.
 */
public class BulkAwardBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int rows = Integer.parseInt(args[2]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            long badge;
            try (PreparedStatement st = db.prepareStatement("""
                    INSERT INTO badge (site_id, organisation_id, source, name, description, criteria)
                    SELECT o.site_id, o.id, 'CUSTOM', jsonb_build_object('en', 'Bulk benchmark ' || ?), '{}'::jsonb, '{}'::jsonb
                      FROM organisation o JOIN membership m ON m.organisation_id = o.id JOIN account a ON a.id = m.account_id
                     WHERE a.email = 'educator@example.org' ORDER BY o.id LIMIT 1
                    RETURNING id
                    """)) {
                st.setString(1, run);
                ResultSet rs = st.executeQuery();
                rs.next();
                badge = rs.getLong(1);
            }
            String signIn = get(http, base + "/sign-in");
            post(http, base + "/sign-in", "application/x-www-form-urlencoded",
                    ("username=educator%40example.org&password=LearningMap-demo-2026&_csrf=" + csrf(signIn)).getBytes(StandardCharsets.UTF_8),
                    null);
            String form = get(http, base + "/staff/badges/" + badge + "/award/bulk");
            String token = csrf(form);

            StringBuilder csv = new StringBuilder("email,name,narrative,evidence_url\n");
            int malformed = 0;
            for (int i = 1; i <= rows; i++) {
                if (i % 500 == 0) {
                    csv.append("not-an-address-").append(i).append(",Broken row,,\n");
                    malformed++;
                } else {
                    csv.append("bench.").append(run).append('.').append(i).append("@example.org,Learner ").append(i)
                            .append(",Finished the course with a final project,https://example.org/work/").append(i).append('\n');
                }
            }
            String boundary = "----bench" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + file.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(file, 0, body, head.length, file.length);
            System.arraycopy(tail, 0, body, head.length + file.length, tail.length);

            long started = System.nanoTime();
            HttpResponse<String> upload = post(http, base + "/staff/badges/" + badge + "/award/bulk",
                    "multipart/form-data; boundary=" + boundary, body, token);
            String location = upload.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException("upload refused: HTTP " + upload.statusCode() + " " + upload.body()));
            long job = Long.parseLong(location.replaceAll(".*/", ""));
            double accepted = (System.nanoTime() - started) / 1e9;
            String status = "RUNNING";
            int processed = 0;
            while ("RUNNING".equals(status)) {
                Thread.sleep(200);
                try (PreparedStatement st = db.prepareStatement("SELECT status, processed_rows FROM bulk_award_job WHERE id = ?")) {
                    st.setLong(1, job);
                    ResultSet rs = st.executeQuery();
                    rs.next();
                    status = rs.getString(1);
                    processed = rs.getInt(2);
                }
                if ((System.nanoTime() - started) / 1e9 > 900) {
                    throw new IllegalStateException("not finished after 900 s; " + processed + " rows done");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // The status page's fragment, as htmx polls it, answers for the finished job too.
            get(http, base + "/staff/badges/" + badge + "/award/bulk/" + job);

            long awarded;
            long held;
            long failed;
            long awards;
            long reportLines;
            try (PreparedStatement st = db.prepareStatement("""
                    SELECT awarded_rows, held_rows, failed_rows,
                           (SELECT count(*) FROM award WHERE badge_id = ?),
                           (SELECT count(*) FROM bulk_award_row WHERE job_id = j.id)
                      FROM bulk_award_job j WHERE id = ?
                    """)) {
                st.setLong(1, badge);
                st.setLong(2, job);
                ResultSet rs = st.executeQuery();
                rs.next();
                awarded = rs.getLong(1);
                held = rs.getLong(2);
                failed = rs.getLong(3);
                awards = rs.getLong(4);
                reportLines = rs.getLong(5);
            }
            System.out.printf("RESULT rows=%d status=%s seconds=%.2f rows/s=%.0f upload-answered=%.2fs awarded=%d held=%d failed=%d"
                            + " awards-of-badge=%d report-lines=%d%n",
                    rows, status, seconds, rows / seconds, accepted, awarded, held, failed, awards, reportLines);
            boolean ok = "DONE".equals(status) && awarded == rows - malformed && failed == malformed && awards == awarded
                    && reportLines == rows;
            System.out.println(ok ? "CHECK ok: one award per valid row, one report line per row, malformed rows reported"
                    : "CHECK FAILED");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String type, byte[] body, String csrfHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrfHeader != null) {
            request.header("X-XSRF-TOKEN", csrfHeader);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode());
        }
        return response;
    }
}
