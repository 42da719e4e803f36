package org.learningmap.demo;

import java.util.Map;

/** One part of the demo, generated after the sites exist, inside the same transaction. */
interface DemoContent {

    /**
     * @param siteIds   the demo sites by country code ("LT", "UA")
     * @param gazetteer the towns the content is placed in
     */
    void generate(Map<String, Long> siteIds, Gazetteer gazetteer);
}
