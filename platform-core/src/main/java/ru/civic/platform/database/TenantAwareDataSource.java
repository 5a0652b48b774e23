package ru.civic.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import ru.civic.platform.tenancy.TenantContext;

/**
 * Tells PostgreSQL which tenant each borrowed connection works for, so that row-level security can filter every
 * statement, including native SQL that forgets its {@code tenant_id} condition. The setting is written on every
 * borrow (empty when there is no tenant context), so a pooled connection never carries one tenant's setting into
 * another tenant's work.
 */
class TenantAwareDataSource extends DelegatingDataSource {

    static final String SETTING = "app.tenant_id";
    private static final String SET = "select set_config('" + SETTING + "', ?, false)";

    TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private static Connection bind(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SET)) {
            ps.setString(1, TenantContext.settingValue());
            ps.execute();
            if (!connection.getAutoCommit()) {
                // Inside a transaction a rollback would undo the setting; make it stick now.
                connection.commit();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
