package ru.civic.platform.message;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.moderation.ContentFlag;
import ru.civic.platform.moderation.ContentScreen;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * What the moderator is shown beside a message, never acted on automatically: possible duplicates (Tomsk 4.4,
 * Zarechny 4.4, Gubkinsky 3.8 (7)) — earlier messages of the tenant with similar text (pg_trgm) and, when both have
 * coordinates, within the tenant's distance, still inside their processing period; obscene words; personal data.
 */
@Service
public class ModeratorAids {

    public record DuplicateCandidate(String number, String text, double similarity, Integer distanceMeters,
            Instant receivedAt, String stage) {
    }

    public record Aids(List<DuplicateCandidate> duplicates, List<ContentFlag> flags) {
    }

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final ContentScreen screen;

    public ModeratorAids(JdbcClient jdbc, TenantRegistry tenants, ContentScreen screen) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.screen = screen;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Permissions.HAS_STAFF_ROLE)
    public Aids forMessage(String number) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        record Subject(java.util.UUID id, String text, Double lat, Double lon, Instant receivedAt) {
        }
        Subject subject = jdbc.sql("select id, text, latitude, longitude, received_at from message where number = ?")
                .param(number)
                .query((rs, i) -> new Subject(rs.getObject(1, java.util.UUID.class), rs.getString(2),
                        (Double) rs.getObject(3), (Double) rs.getObject(4), rs.getTimestamp(5).toInstant()))
                .optional().orElseThrow(() -> new MessageNotFoundException(number));
        // The % operator uses the trigram index; its threshold is the tenant's, for this transaction only.
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
                .param(String.valueOf(tenant.intake().duplicateSimilarity())).query(String.class).single();
        List<DuplicateCandidate> duplicates = jdbc.sql("""
                select number, text, similarity(text, :text) as sim, received_at, stage,
                       case when latitude is null or cast(:lat as double precision) is null then null
                            else round(6371000 * 2 * asin(sqrt(
                                 power(sin(radians(latitude - :lat) / 2), 2)
                                 + cos(radians(:lat)) * cos(radians(latitude))
                                 * power(sin(radians(longitude - :lon) / 2), 2)))) end as distance
                from message
                where id <> :id and text % :text
                  and status not in ('ANSWERED', 'CLOSED', 'REFUSED')
                  and received_at <= :receivedAt
                order by sim desc
                limit 20""")
                .param("text", subject.text()).param("lat", subject.lat()).param("lon", subject.lon())
                .param("id", subject.id()).param("receivedAt", java.sql.Timestamp.from(subject.receivedAt()))
                .query((rs, i) -> new DuplicateCandidate(rs.getString("number"), rs.getString("text"),
                        rs.getDouble("sim"), rs.getObject("distance") == null ? null : rs.getInt("distance"),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("stage")))
                .list().stream()
                .filter(d -> d.distanceMeters() == null || d.distanceMeters() <= tenant.intake().duplicateDistanceMeters())
                .limit(5)
                .toList();
        return new Aids(duplicates, screen.screen(subject.text()));
    }
}
