package ru.civic.platform.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Work that one instance of the cluster should do at a time (timers that every instance runs): a PostgreSQL
 * session-level advisory lock held on a connection of its own for the duration of the work, so it is released even
 * if the instance dies (the session ends) and never waits — another holder means "someone is on it".
 */
@Component
public class ClusterLock {

    private final DataSource dataSource;

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} if no other session holds the lock {@code key}.
     *
     * @return the work's result, or empty when another instance holds the lock
     * @throws SQLException when no connection could be had or the lock could not be asked for; the work did not run
     */
    public <T> Optional<T> ifFree(long key, Supplier<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection, key)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                unlock(connection, key);
            }
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }
}
