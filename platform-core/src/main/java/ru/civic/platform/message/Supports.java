package ru.civic.platform.message;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Support (поддержка): one per person per public message (Zarechny 7.5), users and, where the tenant allows, guests
 * (Tomsk 2.5; Volgograd's guests are read-only, 4.8). Uniqueness is the table's primary key, not a check in memory:
 * any number of parallel clicks by one person, on any number of instances, make one row and add one to the count.
 * Plain SQL on purpose: this is the hottest write of the platform (see docs/benchmarks.md).
 */
@Service
public class Supports {

    /** The outcome: whether this call added the support, and the message's count after it. */
    public record Outcome(boolean added, int count) {
    }

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final ApplicationEventPublisher events;

    public Supports(JdbcClient jdbc, TenantRegistry tenants, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.events = events;
    }

    private record Target(UUID id, boolean published, UUID authorId) {
    }

    @Transactional
    public Outcome support(String number, Supporter supporter) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (supporter.guest() && !tenant.guests().support()) {
            throw new InvalidInputException(List.of(FieldProblem.of("supporter", "support.guestsNotAllowed")));
        }
        Target target = jdbc.sql("select id, published, author_id from message where number = ?")
                .param(number)
                .query((rs, i) -> new Target(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getObject(3, UUID.class)))
                .optional()
                .orElseThrow(() -> new MessageNotFoundException(number));
        if (!target.published()) {
            // Unpublished messages are not visible to the public: the same answer as "no such message".
            throw new MessageNotFoundException(number);
        }
        if (supporter.accountId() != null && supporter.accountId().equals(target.authorId())) {
            throw new InvalidInputException(List.of(FieldProblem.of("supporter", "support.ownMessage")));
        }
        int inserted = jdbc.sql("""
                insert into message_support (message_id, supporter, guest) values (?, ?, ?)
                on conflict (message_id, supporter) do nothing""")
                .params(target.id(), supporter.key(), supporter.guest())
                .update();
        int count;
        if (inserted == 1) {
            count = jdbc.sql("update message set support_count = support_count + 1 where id = ? returning support_count")
                    .param(target.id()).query(Integer.class).single();
            events.publishEvent(new MessageSupported(tenant.id(), target.id(), number, supporter.key(),
                    supporter.guest()));
        } else {
            count = jdbc.sql("select support_count from message where id = ?").param(target.id())
                    .query(Integer.class).single();
        }
        return new Outcome(inserted == 1, count);
    }

    /**
     * A message removed as a repeat hands its supporters to the earlier message, and its author becomes one of them
     * (they asked for the same thing); people who supported both count once. Runs in the caller's transaction.
     * The earlier message's row is locked first, so the recount sees every support committed before it and a
     * support arriving meanwhile waits and adds itself on top.
     */
    public int mergeInto(UUID duplicateId, UUID originalId, UUID duplicateAuthorId) {
        jdbc.sql("select id from message where id = ? for update").param(originalId).query(UUID.class).single();
        jdbc.sql("""
                insert into message_support (message_id, supporter, guest)
                select ?, supporter, guest from message_support where message_id = ?
                on conflict (message_id, supporter) do nothing""")
                .params(originalId, duplicateId).update();
        jdbc.sql("""
                insert into message_support (message_id, supporter, guest)
                select ?, ?, false where ?::uuid is not null
                  and ?::uuid is distinct from (select author_id from message where id = ?)
                on conflict (message_id, supporter) do nothing""")
                .params(originalId, "account:" + duplicateAuthorId, duplicateAuthorId, duplicateAuthorId, originalId)
                .update();
        return jdbc.sql("""
                update message set support_count = (select count(*) from message_support where message_id = ?)
                where id = ? returning support_count""")
                .params(originalId, originalId).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public boolean hasSupported(String number, Supporter supporter) {
        return jdbc.sql("""
                select exists (select 1 from message_support s join message m on m.id = s.message_id
                               where m.number = ? and s.supporter = ?)""")
                .params(number, supporter.key()).query(Boolean.class).single();
    }
}
