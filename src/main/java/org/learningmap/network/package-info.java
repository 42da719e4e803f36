/**
 * The network of people behind the programmes: volunteers (digital leaders, e-scouts, hub
 * coordinators, trainers), their shifts and hours, 1:1 help slots, train-the-trainer cascades and
 * the methods library.
 *
 * <p>Publishes {@link org.learningmap.network.VolunteerHoursLogged},
 * {@link org.learningmap.network.VolunteerMilestoneReached} and
 * {@link org.learningmap.network.HelpSessionHeld}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package org.learningmap.network;
