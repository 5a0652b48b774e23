package ru.civic.platform.workflow;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.security.Permissions;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;

/**
 * Blocking a citizen from the back office, outside any one message (Gubkinsky 3.9): the moderator or the operator
 * names the reason; the blocked person may still sign in and read their cabinet, but submits nothing more (intake
 * refuses). Announced as {@link AuthorBlocked}, the same event as the workflow's block, so the points ledger annuls
 * the bonuses whichever way the block came. Lifting a block is the operator's (administration, rights separation)
 * and restores nothing that was annulled.
 */
@Service
public class CitizenBlocking {

    /** Matches the {@code blocked_reason} column. */
    static final int MAX_REASON = 2000;
    /** A search shows at most this many citizens: a name narrows it further. */
    public static final int MAX_FOUND = 50;

    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CitizenBlocking(AccountService accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Citizens of the current tenant whose name, user name or e-mail contains the text. */
    @Transactional(readOnly = true)
    @PreAuthorize(Permissions.HAS_CITIZEN_BLOCKING_ROLE)
    public List<Account> search(String text) {
        return accounts.searchCitizens(text, MAX_FOUND);
    }

    /** Blocked citizens of the current tenant, the latest block first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Permissions.HAS_CITIZEN_BLOCKING_ROLE)
    public List<Account> blocked() {
        return accounts.blockedCitizens(500);
    }

    /**
     * Blocks the citizen with the reason given; an already blocked citizen keeps the first reason.
     *
     * @throws InvalidInputException at {@code reason} when it is empty or too long
     */
    @Transactional
    @PreAuthorize(Permissions.HAS_CITIZEN_BLOCKING_ROLE)
    public void block(UUID citizenId, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "citizen.block.reasonRequired")));
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "message.field.tooLong", MAX_REASON)));
        }
        Account citizen = citizen(citizenId);
        if (citizen.isBlocked()) {
            return;
        }
        accounts.block(citizen.getId(), text, clock.instant());
        events.publishEvent(new AuthorBlocked(TenantContext.getRequiredTenantId().value(), citizen.getId(), text,
                null));
    }

    /** Lifts the block; bonuses annulled by it stay annulled. */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void unblock(UUID citizenId) {
        accounts.unblock(citizen(citizenId).getId());
    }

    private Account citizen(UUID id) {
        // Staff are disabled in the staff reference, not blocked here.
        return accounts.find(id).filter(a -> a.getRoles().contains(Role.CITIZEN) && !a.isStaff())
                .orElseThrow(() -> new IllegalArgumentException("No citizen " + id + " in this tenant"));
    }
}
