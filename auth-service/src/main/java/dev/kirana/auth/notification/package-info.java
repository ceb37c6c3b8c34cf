/**
 * Notifications: an in-app inbox per member, per-shop rules of who hears of what over which channels, per-user
 * preferences (channels, quiet hours, language), and a delivery log of email, SMS and WhatsApp messages with retries.
 *
 * <p>They live in auth-service, not in a service of their own: auth owns the people notifications go to (their
 * names, email addresses, phones), their memberships and roles in each shop (who is an owner or manager to tell), and
 * two of the sources (a burst of failed logins, a device paired). Another JVM would cost memory and start-up time on
 * the two-core machines a shop runs the suite on. The package hears of other services' facts only through their
 * events (each handled once, through the inbox) and keeps its own tables, so it can move to a service of its own
 * later without changing a producer.
 *
 * <p>A delivery is written in the same transaction as its notification (status PENDING) and sent afterwards by
 * {@link dev.kirana.auth.notification.Deliveries}, which claims due rows before it sends: a crash loses nothing, and
 * sends a message at most once more per attempt.
 */
package dev.kirana.auth.notification;
