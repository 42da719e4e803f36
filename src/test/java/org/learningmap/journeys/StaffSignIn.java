package org.learningmap.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

/** Signing in as staff in a journey, the way a person does it on the sign-in page. */
final class StaffSignIn {

    private StaffSignIn() {
    }

    /**
     * Fills the sign-in form at /sign-in when the page has one; otherwise posts the same form fields
     * (username, password and the CSRF token every page's forms carry) to /sign-in, as the form would.
     */
    static void signIn(Page page, String base, String username, String password) {
        page.navigate(base + "/sign-in");
        if (page.locator("form input[name=username]").count() > 0) {
            page.locator("input[name=username]").fill(username);
            page.locator("input[name=password]").fill(password);
            page.locator("form:has(input[name=username]) [type=submit]").click();
            page.waitForLoadState();
        } else {
            page.navigate(base + "/");
            String token = page.locator("input[name=_csrf]").first().getAttribute("value");
            page.request().post(base + "/sign-in", RequestOptions.create().setForm(FormData.create()
                    .set("username", username).set("password", password).set("_csrf", token)));
        }
    }
}
