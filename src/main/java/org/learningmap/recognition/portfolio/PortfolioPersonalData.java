package org.learningmap.recognition.portfolio;

import java.util.LinkedHashMap;
import java.util.Map;
import org.learningmap.accounts.PersonalDataContributor;
import org.learningmap.recognition.playlists.PersonalPlaylists;
import org.learningmap.recognition.playlists.Playlists;
import org.springframework.stereotype.Component;

/**
 * What the portfolio and playlists keep about a person, for the export of their data and the deletion
 * of their account: the public page's handle, which awards are public, collections, evidence, imported
 * badges, activities done as playlists count them, and their own lists. Deleting removes all of it.
 */
@Component
class PortfolioPersonalData implements PersonalDataContributor {

    private final Portfolio portfolio;
    private final Playlists playlists;
    private final PersonalPlaylists personal;

    PortfolioPersonalData(Portfolio portfolio, Playlists playlists, PersonalPlaylists personal) {
        this.portfolio = portfolio;
        this.playlists = playlists;
        this.personal = personal;
    }

    @Override
    public String section() {
        return "portfolio";
    }

    @Override
    public Object export(long accountId) {
        Map<String, Object> part = new LinkedHashMap<>(portfolio.export(accountId));
        part.put("playlistActivitiesDone", playlists.doneExport(accountId));
        part.put("ownPlaylists", personal.export(accountId));
        return part;
    }

    @Override
    public void forget(long accountId) {
        portfolio.forget(accountId);
        playlists.forget(accountId);
    }
}
