package ru.civic.portal.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a view that shows residents' messages: guests see it only where the tenant's {@code guests.read} allows;
 * elsewhere they are asked to sign in first ({@link GuestReadAccess}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicReading {
}
