package org.learningmap.catalogue;

import java.util.List;
import java.util.Map;
import org.learningmap.shared.LocalizedText;

/**
 * What other modules need to know of one activity to describe it elsewhere (a badge, for example):
 * whose it is, its texts in every language it has, the DigComp competences it develops with their
 * titles (DigComp 2.2, English, by code) and its topics.
 */
public record ActivityFacts(long activityId, long siteId, long organisationId, ActivityKind kind, ActivityStatus status,
                            LocalizedText title, LocalizedText summary, LocalizedText description, List<String> digcomp,
                            Map<String, String> digcompTitles, List<Topic> topics) {
}
