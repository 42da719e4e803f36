/**
 * The audit log of staff actions: every state-changing request through the staff, coordinator,
 * admin and API doors, and every sign-in, failed sign-in, lockout, sign-out and password reset, is
 * kept as one append-only {@code audit_entry} row — recorded by a web filter after the handler ran,
 * so a new endpoint is audited without anyone remembering to. Platform administrators read all of it,
 * site coordinators their site's, organisation owners their organisation's ({@link
 * org.learningmap.audit.AuditLog}). A deleted person's e-mail and address are blanked; rows older
 * than {@code learningmap.audit.retention} are deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.learningmap.audit;
