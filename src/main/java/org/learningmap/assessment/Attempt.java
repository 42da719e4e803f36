package org.learningmap.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One person's pass through the check: the answers so far and, once finished, the stored result. */
record Attempt(UUID id, long siteId, Long accountId, String resumeCode, CheckKind kind, String framework,
               String bankVersion, String language, Long sittingId, Map<String, List<String>> answers,
               Instant startedAt, Instant finishedAt, Scoring.Result result) {

    public boolean finished() {
        return finishedAt != null;
    }

    public boolean supervised() {
        return sittingId != null;
    }
}
