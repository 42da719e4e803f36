package org.learningmap.network.cascades;

/** Who a cohort trains, from the top of a cascade down: trainers train hub coordinators, who train educators, who teach citizens. */
public enum CascadeLevel {
    TRAINER, HUB_COORDINATOR, EDUCATOR, CITIZEN
}
