package org.learningmap.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.learningmap.platform.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's profile: name, the languages they read in order of preference, year of birth, how
 * they want to be told things, phone and e-mail. A minor's profile cannot be changed until a
 * guardian has agreed.
 */
@Service
class Profiles {

    /** How a person wants to be told of changes and reminders. */
    enum Channel { EMAIL, SMS, NONE }

    record Profile(long id, String displayName, List<String> languages, Integer yearOfBirth, Channel channel,
                   String phone, String email, boolean guardianRequired, boolean hasPassword) {

        /** The channels the person can choose: only those they have an address for. */
        public List<Channel> channels() {
            List<Channel> available = new ArrayList<>();
            if (email != null) {
                available.add(Channel.EMAIL);
            }
            if (phone != null) {
                available.add(Channel.SMS);
            }
            available.add(Channel.NONE);
            return available;
        }
    }

    record Changes(String displayName, List<String> languages, Integer yearOfBirth, Channel channel, String phone,
                   String email) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountRepository repository;
    private final Clock clock;

    Profiles(JdbcClient jdbc, Accounts accounts, AccountRepository repository, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.repository = repository;
        this.clock = clock;
    }

    Profile of(long accountId) {
        return jdbc.sql("SELECT * FROM account WHERE id = ?")
                .param(accountId)
                .query(Profiles::profile)
                .optional()
                .orElseThrow(RuleViolation::notFound);
    }

    /**
     * Saves already checked changes and returns the account as it now is.
     *
     * @throws RuleViolation {@value Accounts#AWAITING_GUARDIAN} for a minor without a guardian's
     *                       consent; {@code sign-up.email-taken} / {@code sign-up.phone-taken}
     */
    @Transactional
    CurrentAccount save(long accountId, Changes changes) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new RuleViolation(Accounts.AWAITING_GUARDIAN);
        }
        if (changes.email() != null && !changes.email().equalsIgnoreCase(of(accountId).email())
                && repository.emailTaken(changes.email())) {
            throw new RuleViolation(Registration.EMAIL_TAKEN);
        }
        try {
            jdbc.sql("""
                            UPDATE account SET display_name = ?, languages = ?::text[], preferred_language = ?,
                                               year_of_birth = ?, notification_channel = ?, phone = ?, email = ?
                            WHERE id = ?
                            """)
                    .params(changes.displayName(), "{" + String.join(",", changes.languages()) + "}",
                            changes.languages().getFirst(), changes.yearOfBirth(), changes.channel().name(),
                            changes.phone(), changes.email(), accountId)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new RuleViolation(Registration.PHONE_TAKEN);
        }
        return repository.findById(accountId, clock.instant()).orElseThrow();
    }

    private static Profile profile(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("languages");
        List<String> ordered = new ArrayList<>(languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()));
        if (ordered.isEmpty()) {
            ordered.add(rs.getString("preferred_language"));
        }
        return new Profile(rs.getLong("id"), rs.getString("display_name"), ordered, (Integer) rs.getObject("year_of_birth"),
                Channel.valueOf(rs.getString("notification_channel")), rs.getString("phone"), rs.getString("email"),
                rs.getBoolean("guardian_required"), rs.getString("password_hash") != null);
    }
}
