package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * ASVS 2.4.1 and 2.4.4: passwords are kept only as salted bcrypt hashes with a work factor of at least 10, marked
 * with their algorithm so that a stronger one can take over later; no stored password is plain or reversible.
 */
@SpringBootTest
@ActiveProfiles("test")
class PasswordsAreStoredAsSlowHashesTest {

    private static final Pattern BCRYPT = Pattern.compile("^\\{bcrypt}\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}$");

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewPasswordBecomesASaltedBcryptHashOfCostTenOrMore() {
        String password = "Correct-horse-battery-2026";
        String first = passwords.encode(password);
        String second = passwords.encode(password);
        Matcher m = BCRYPT.matcher(first);
        assertThat(m.matches()).as("bcrypt with its algorithm marked: " + first).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("bcrypt work factor").isGreaterThanOrEqualTo(10);
        assertThat(first).as("a fresh salt each time").isNotEqualTo(second).doesNotContain(password);
        assertThat(passwords.matches(password, first)).isTrue();
        assertThat(passwords.matches("Correct-horse-battery-2027", first)).isFalse();
    }

    @Test
    void everyStoredPasswordIsSuchAHash() {
        List<String> hashes = jdbc.sql("SELECT password_hash FROM account WHERE password_hash IS NOT NULL").query(String.class).list();
        assertThat(hashes).as("accounts with a password in the demo data").isNotEmpty();
        List<String> weak = hashes.stream().filter(hash -> {
            Matcher m = BCRYPT.matcher(hash);
            return !m.matches() || Integer.parseInt(m.group(1)) < 10;
        }).toList();
        assertThat(weak).as("stored passwords that are not bcrypt of cost 10 or more").isEmpty();
    }

    @Test
    void aPlainOrUnmarkedPasswordInTheDatabaseNeverSignsAnyoneIn() {
        assertThat(passwords.matches("LearningMap-demo-2026", "LearningMap-demo-2026")).isFalse();
        assertThat(passwords.matches("LearningMap-demo-2026", "{noop}LearningMap-demo-2026"))
                .as("the only algorithms accepted are hashes").isFalse();
    }
}
