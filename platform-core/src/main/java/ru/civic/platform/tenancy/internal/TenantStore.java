package ru.civic.platform.tenancy.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.civic.platform.tenancy.TenantStatus;

/** The {@code tenant} and {@code tenant_revision} tables: the source of truth for tenant configuration. */
@Repository
class TenantStore {

    record StoredTenant(String id, String document, TenantStatus status, long version, String source,
            String sourceHash) {
    }

    private final JdbcClient jdbc;

    TenantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredTenant> findAll() {
        return jdbc.sql("select id, document::text as document, status, version, source, source_hash from tenant order by id")
                .query((rs, n) -> new StoredTenant(rs.getString("id"), rs.getString("document"),
                        TenantStatus.valueOf(rs.getString("status")), rs.getLong("version"), rs.getString("source"),
                        rs.getString("source_hash")))
                .list();
    }

    Optional<StoredTenant> find(String id) {
        return jdbc.sql("select id, document::text as document, status, version, source, source_hash from tenant where id = ?")
                .param(id)
                .query((rs, n) -> new StoredTenant(rs.getString("id"), rs.getString("document"),
                        TenantStatus.valueOf(rs.getString("status")), rs.getLong("version"), rs.getString("source"),
                        rs.getString("source_hash")))
                .optional();
    }

    /**
     * Inserts the tenant or writes a new version of it, and records the revision. Returns the new version.
     * The row lock makes concurrent saves of one tenant (two instances importing the same file) serialise.
     */
    long save(String id, String documentJson, TenantStatus status, String source, String sourceHash, String changedBy) {
        return save(id, documentJson, status, source, sourceHash, changedBy, null);
    }

    /** As above, with the editor's note on why this version was saved (may be null). */
    long save(String id, String documentJson, TenantStatus status, String source, String sourceHash, String changedBy,
            String comment) {
        Optional<Long> current = jdbc.sql("select version from tenant where id = ? for update").param(id)
                .query(Long.class).optional();
        long version;
        if (current.isEmpty()) {
            version = 1;
            int inserted = jdbc.sql("""
                    insert into tenant (id, document, status, version, source, source_hash, updated_by)
                    values (?, ?::jsonb, ?, 1, ?, ?, ?) on conflict (id) do nothing""")
                    .params(id, documentJson, status.name(), source, sourceHash, changedBy).update();
            if (inserted == 0) {
                // Another instance inserted it between our read and write: take the update path.
                return save(id, documentJson, status, source, sourceHash, changedBy, comment);
            }
        } else {
            version = current.get() + 1;
            jdbc.sql("""
                    update tenant set document = ?::jsonb, status = ?, version = ?, source = ?,
                        source_hash = coalesce(?, source_hash), updated_at = now(), updated_by = ?
                    where id = ?""")
                    .params(documentJson, status.name(), version, source, sourceHash, changedBy, id).update();
        }
        jdbc.sql("""
                insert into tenant_revision (tenant_id, version, document, status, source, changed_by, comment)
                values (?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, version, documentJson, status.name(), source, changedBy, comment).update();
        return version;
    }

    record StoredRevision(long version, java.time.Instant changedAt, String changedBy, String source, String comment) {
    }

    /** The tenant's current version, locked until the transaction ends (the editor's check for a concurrent save). */
    Optional<Long> lockVersion(String id) {
        return jdbc.sql("select version from tenant where id = ? for update").param(id).query(Long.class).optional();
    }

    /** Every saved version of the tenant, newest first. */
    List<StoredRevision> revisions(String id) {
        return jdbc.sql("""
                select version, changed_at, changed_by, source, comment from tenant_revision
                where tenant_id = ? order by version desc""")
                .param(id)
                .query((rs, n) -> new StoredRevision(rs.getLong("version"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"), rs.getString("source"),
                        rs.getString("comment")))
                .list();
    }

    /** The document of one saved version, as JSON. */
    Optional<String> revisionDocument(String id, long version) {
        return jdbc.sql("select document::text from tenant_revision where tenant_id = ? and version = ?")
                .params(id, version).query(String.class).optional();
    }
}
