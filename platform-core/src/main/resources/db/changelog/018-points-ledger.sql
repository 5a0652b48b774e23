--liquibase formatted sql

--changeset platform:018-points-ledger
-- The points ledger (Tomsk 1.1; Gubkinsky 2, 3.9, 4). Append-only: the application role may only read and insert,
-- and a trigger refuses updates and deletes from anyone else, so a correction is always a new entry. The balance is
-- the sum of an account's entries; nothing caches it, so it cannot drift from the history the citizen sees.
create table points_entry (
    id          uuid          primary key,
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    account_id  uuid          not null references account (id),
    amount      int           not null check (amount <> 0),
    kind        varchar(16)   not null check (kind in ('AWARD', 'ANNULMENT', 'REDEMPTION', 'REFUND', 'CORRECTION')),
    -- For awards: the tenant's points action (MESSAGE_PUBLISHED, VOTE, ...) and what earned it ("message:<id>").
    action      varchar(32),
    source      varchar(200)  not null,
    reason      varchar(2000),
    reverses    uuid          references points_entry (id),
    created_at  timestamptz   not null,
    created_by  varchar(255)  not null,
    constraint points_award_names_action check (kind <> 'AWARD' or (action is not null and amount > 0)),
    constraint points_reversal_names_entry check (kind not in ('ANNULMENT', 'REFUND') or reverses is not null),
    constraint points_reason_for_manual check (kind not in ('ANNULMENT', 'CORRECTION') or length(trim(reason)) > 0)
);
-- One award per action and source (a repeated event, or the same event on two instances, awards once) and one
-- reversal per entry (an annulment running twice reverses nothing twice).
create unique index points_award_once on points_entry (tenant_id, account_id, action, source) where kind = 'AWARD';
create unique index points_reversed_once on points_entry (reverses) where reverses is not null;
create index points_entry_account on points_entry (tenant_id, account_id, created_at);
create index points_entry_period on points_entry (tenant_id, created_at);
select platform_isolate_tenant_table('points_entry', '${appRole}', 'select, insert');

--changeset platform:018-points-ledger-append-only splitStatements:false
create function points_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'points_entry is append-only: add a correcting entry instead' using errcode = 'insufficient_privilege';
end;
$$;

--changeset platform:018-points-ledger-append-only-trigger
create trigger points_entry_append_only before update or delete on points_entry
    for each row execute function points_entry_append_only();
