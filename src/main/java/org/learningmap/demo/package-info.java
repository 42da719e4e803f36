/**
 * Deterministic, realistic demo data: two sites (Lithuania and Ukraine) with their real areas and
 * towns (GeoNames, CC BY 4.0), organisations, venues, activities in English, Lithuanian and Ukrainian,
 * sessions over the coming three months, and a sign-in for each role. Loaded on the first start
 * into an empty database; the same generator makes the benchmark's 100,000 activities.
 * <p>
 * It writes the other modules' tables directly, in bulk: seed data of this size through each
 * module's use cases would take minutes, and nothing here is a business action.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.learningmap.demo;
