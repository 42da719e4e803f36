package org.learningmap.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A newcomer reads the demo sign-ins in the README and every one of them lets them in. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoSignInsTest {

    private static final Pattern ROW = Pattern.compile("^\\| [^|]+ \\| ([^|@\\s]+@[^|\\s]+) \\|$", Pattern.MULTILINE);

    @Autowired
    MockMvc mvc;

    @Test
    void theReadmeListsExactlyTheDemoAccountsWithTheirPassword() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("`" + DemoAccounts.PASSWORD + "`");
        assertThat(readmeSignIns()).containsExactlyInAnyOrderElementsOf(demoAccounts());
    }

    @Test
    void everyDemoSignInInTheReadmeSignsIn() throws Exception {
        List<String> emails = readmeSignIns();
        assertThat(emails).hasSizeGreaterThanOrEqualTo(8);
        for (String email : emails) {
            mvc.perform(signIn(email, DemoAccounts.PASSWORD)).andExpect(authenticated());
        }
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        mvc.perform(signIn(DemoAccounts.LEARNER, "not-the-demo-password")).andExpect(unauthenticated());
    }

    /** The sign-in form's fields; the e-mail goes under both names a form-login configuration may read. */
    private static MockHttpServletRequestBuilder signIn(String email, String password) {
        return post("/sign-in").with(csrf()).param("username", email).param("email", email).param("password", password);
    }

    private static List<String> readmeSignIns() throws IOException {
        Matcher matcher = ROW.matcher(Files.readString(Path.of("README.md")));
        List<String> emails = new ArrayList<>();
        while (matcher.find()) {
            emails.add(matcher.group(1));
        }
        return emails;
    }

    private static List<String> demoAccounts() throws IllegalAccessException {
        List<String> emails = new ArrayList<>();
        for (Field field : DemoAccounts.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("PASSWORD")) {
                emails.add((String) field.get(null));
            }
        }
        return emails;
    }
}
