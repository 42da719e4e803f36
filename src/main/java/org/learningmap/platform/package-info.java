/**
 * Plumbing every feature stands on: the embedded database, web and error handling, security,
 * the e-mail outbox, the visitor's view preferences. Depends on no feature module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.learningmap.platform;
