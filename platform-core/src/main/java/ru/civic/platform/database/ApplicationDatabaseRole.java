package ru.civic.platform.database;

/** The PostgreSQL role the application connects as, and where. */
public record ApplicationDatabaseRole(String name, String url) {
}
