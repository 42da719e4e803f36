package org.learningmap.recognition.credentials;

import java.util.List;
import java.util.UUID;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed credentials kept for a person's awards carry a salted hash of their e-mail address: the
 * export lists their addresses, and deleting the account deletes them (a credential asked for later is
 * signed afresh from the award, which by then names no one).
 */
@Component
class CredentialPersonalData implements PersonalDataContributor {

    record SignedCredential(String json, String jwt) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final CredentialUrls urls;

    CredentialPersonalData(JdbcClient jdbc, Accounts accounts, CredentialUrls urls) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.urls = urls;
    }

    @Override
    public String section() {
        return "credentials";
    }

    @Override
    public Object export(long accountId) {
        List<UUID> ids = jdbc.sql("""
                        select c.public_id from recognition_credentials c join award a on a.id = c.award_id
                        where a.account_id = ? order by c.signed_at""")
                .param(accountId).query(UUID.class).list();
        return ids.stream().map(id -> new SignedCredential(urls.credential(id) + ".json", urls.credential(id) + ".jwt")).toList();
    }

    @Override
    public void forget(long accountId) {
        String email = accounts.byId(accountId).map(AccountSummary::email).orElse("");
        // also awards the recognition module has already stripped of the person (in whichever order both run)
        jdbc.sql("""
                        delete from recognition_credentials c using award a
                        where a.id = c.award_id
                          and (a.account_id = :account or a.forgotten
                               or (a.account_id is null and lower(a.recipient_email) = lower(:email)))""")
                .param("account", accountId).param("email", email).update();
    }
}
