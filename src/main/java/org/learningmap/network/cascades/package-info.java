/**
 * Train-the-trainer cascades: training cohorts (trainers, hub coordinators, educators, citizens), who
 * trained whom, and the people reached downstream of each trainer, counted once each. Internal to the
 * network module.
 */
package org.learningmap.network.cascades;
