package org.learningmap.demo;

/** The demo sign-ins printed in the README; every one uses {@link #PASSWORD}. */
final class DemoAccounts {

    static final String PASSWORD = "LearningMap-demo-2026";
    static final String ADMIN = "admin@example.org";
    static final String COORDINATOR_LT = "coordinator.lt@example.org";
    static final String COORDINATOR_UA = "coordinator.ua@example.org";
    static final String OWNER = "owner@example.org";
    static final String EDITOR = "editor@example.org";
    static final String EDUCATOR = "educator@example.org";
    static final String OWNER_UA = "owner.ua@example.org";
    static final String LEARNER = "learner@example.org";

    private DemoAccounts() {
    }
}
