/**
 * Notifications to people: the cabinet's list of notifications and e-mail. {@link ru.civic.platform.notification.Notifications}
 * writes both in the caller's transaction; e-mail leaves through an outbox after commit, so a rolled-back action sends
 * nothing and a mail server outage never fails the action.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "shared" })
package ru.civic.platform.notification;
