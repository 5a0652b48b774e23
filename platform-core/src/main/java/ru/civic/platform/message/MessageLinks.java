package ru.civic.platform.message;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.security.Permissions;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * Related messages a moderator links while both stay in work (the same pit reported twice from different sides, a
 * repeat that adds a new detail): a link is symmetric, shown on both cards, and changes nothing else. Removing a
 * repeat is the workflow's merge action instead.
 */
@Service
public class MessageLinks {

    public record LinkedMessage(String number, String excerpt, StageStatus status, String linkedBy) {
    }

    private final JdbcClient jdbc;

    public MessageLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    @PreAuthorize(Permissions.HAS_STAFF_ROLE)
    public void link(String number, String otherNumber, Actor actor) {
        UUID one = id(number, "number");
        UUID other = id(otherNumber.strip(), "otherNumber");
        if (one.equals(other)) {
            throw new InvalidInputException(List.of(FieldProblem.of("otherNumber", "message.link.self")));
        }
        // Stored once per pair, smaller id first, so that A–B and B–A are the same link.
        UUID first = one.compareTo(other) < 0 ? one : other;
        UUID second = first.equals(one) ? other : one;
        jdbc.sql("""
                insert into message_link (message_id, linked_id, linked_by) values (?, ?, ?)
                on conflict (message_id, linked_id) do nothing""")
                .params(first, second, actor.name()).update();
    }

    @Transactional
    @PreAuthorize(Permissions.HAS_STAFF_ROLE)
    public void unlink(String number, String otherNumber) {
        UUID one = id(number, "number");
        UUID other = id(otherNumber, "otherNumber");
        jdbc.sql("delete from message_link where (message_id = ? and linked_id = ?) or (message_id = ? and linked_id = ?)")
                .params(one, other, other, one).update();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Permissions.HAS_STAFF_ROLE)
    public List<LinkedMessage> linked(String number) {
        UUID id = id(number, "number");
        return jdbc.sql("""
                select m.number, m.text, m.status, l.linked_by from message_link l
                join message m on m.id = case when l.message_id = ? then l.linked_id else l.message_id end
                where l.message_id = ? or l.linked_id = ?
                order by m.received_at""")
                .params(id, id, id)
                .query((rs, i) -> new LinkedMessage(rs.getString(1), MessageLookup.excerpt(rs.getString(2), 160),
                        StageStatus.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }

    private UUID id(String number, String field) {
        return jdbc.sql("select id from message where number = ?").param(number).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException(List.of(FieldProblem.of(field, "message.link.unknown",
                        number))));
    }
}
