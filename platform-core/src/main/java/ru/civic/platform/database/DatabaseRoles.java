package ru.civic.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, on a server where the platform has a superuser, the database and the two roles the platform needs:
 * the owner (owns every table, runs Liquibase) and the application role (owns nothing, is no superuser and has no
 * BYPASSRLS, so row-level security always applies to it). Idempotent.
 */
final class DatabaseRoles {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    private DatabaseRoles() {
    }

    static void ensure(String superuserUrl, String superuser, String superuserPassword, String database,
            String ownerRole, String appRole, String rolePassword) {
        requireIdentifier(database);
        requireIdentifier(ownerRole);
        requireIdentifier(appRole);
        try (Connection c = DriverManager.getConnection(superuserUrl, superuser, superuserPassword);
                Statement s = c.createStatement()) {
            String password = rolePassword.replace("'", "''");
            if (!exists(s, "select 1 from pg_roles where rolname = '" + ownerRole + "'")) {
                s.execute("create role " + ownerRole + " login password '" + password + "'");
            }
            if (!exists(s, "select 1 from pg_roles where rolname = '" + appRole + "'")) {
                s.execute("create role " + appRole + " login nosuperuser nocreatedb nocreaterole nobypassrls password '"
                        + password + "'");
            }
            // Whatever happened to the role before, it must not escape row-level security.
            s.execute("alter role " + appRole + " nosuperuser nobypassrls");
            if (!exists(s, "select 1 from pg_database where datname = '" + database + "'")) {
                s.execute("create database " + database + " owner " + ownerRole + " encoding 'UTF8' template template0");
                log.info("Created database {} owned by {}", database, ownerRole);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database roles on " + superuserUrl + ": " + e.getMessage(), e);
        }
        String databaseUrl = superuserUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        try (Connection c = DriverManager.getConnection(databaseUrl, superuser, superuserPassword);
                Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + ownerRole);
            s.execute("create extension if not exists pg_trgm");
            s.execute("grant connect on database " + database + " to " + appRole);
            s.execute("grant usage on schema public to " + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }
}
