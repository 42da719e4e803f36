package org.learningmap.enrolment.desk;

import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Claim codes are kept only as hashes, so the code to print is known just once: when it is issued.
 * The desk keeps the codes it issued in the staff member's own HTTP session (never in an address or
 * a page form) until the card is printed, so the card can be printed again while that code works.
 */
final class HeldClaimCodes {

    private static final String ATTRIBUTE = HeldClaimCodes.class.getName();

    private HeldClaimCodes() {
    }

    static void hold(HttpSession session, long accountId, String code) {
        synchronized (session) {
            Map<Long, String> codes = codes(session);
            codes.put(accountId, code);
            session.setAttribute(ATTRIBUTE, codes);
        }
    }

    static Optional<String> held(HttpSession session, long accountId) {
        if (session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.ofNullable(codes(session).get(accountId));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> codes(HttpSession session) {
        Object held = session.getAttribute(ATTRIBUTE);
        HashMap<Long, String> codes = held instanceof HashMap<?, ?> map ? (HashMap<Long, String>) map : new HashMap<>();
        if (codes.size() > 200) {
            codes.clear();
        }
        return codes;
    }
}
