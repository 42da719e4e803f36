package org.learningmap.recognition.earning;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Stops code guessing: after {@code learningmap.claim.wrong-codes} unknown codes
 * (10 unless configured) from one client address, or from one account, within
 * {@code learningmap.claim.wrong-codes-window} (10 minutes unless configured), every claim from that
 * address or account answers 429 until the oldest wrong code leaves the window. Only unknown codes
 * count; an expired or closed code was a real one. Kept in memory on each node, like the sign-in limit.
 */
@Component
class ClaimGuesses {

    static final String TOO_MANY = "recognition-earning.claim.too-many";
    static final int FORGET_ABOVE = 10_000;

    private final int allowed;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> wrong = new ConcurrentHashMap<>();

    ClaimGuesses(@Value("${learningmap.claim.wrong-codes:10}") int allowed,
                 @Value("${learningmap.claim.wrong-codes-window:PT10M}") Duration window, Clock clock) {
        this.allowed = Math.max(1, allowed);
        this.window = window;
        this.clock = clock;
    }

    /** @throws RuleViolation 429 {@value #TOO_MANY} when the address or the account guessed too often */
    void check(String address, Long accountId) {
        long now = clock.millis();
        if (blocked("ip:" + address, now) || (accountId != null && blocked("account:" + accountId, now))) {
            throw new RuleViolation(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, window.toMinutes());
        }
    }

    /** Counts one unknown code for the address and the account. */
    void wrong(String address, Long accountId) {
        long now = clock.millis();
        if (wrong.size() > FORGET_ABOVE) {
            wrong.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - window.toMillis();
                }
            });
        }
        add("ip:" + address, now);
        if (accountId != null) {
            add("account:" + accountId, now);
        }
    }

    private void add(String key, long now) {
        Deque<Long> times = wrong.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private boolean blocked(String key, long now) {
        Deque<Long> times = wrong.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, now);
            return times.size() >= allowed;
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.pollFirst();
        }
        while (times.size() > allowed * 2) {
            times.pollFirst();
        }
    }
}
