/**
 * Open311 GeoReport v2 for each tenant under {@code /open311/v2/}: the tenant's categories as services, messages as
 * service requests, JSON and XML. Intake through it is the same as through the REST API (the same checks, numbers
 * and workflow), so Tynda's federal channel or any Open311 client can send messages.
 */
package ru.civic.platform.open311;
