--liquibase formatted sql

--changeset platform:020-account-invitation
-- E-mailed invitations of staff accounts: the person sets their own password through a one-time link instead of an
-- operator handing one over. Only the SHA-256 of the link's token is kept, so the table (or a backup) opens no
-- account. A resend voids the previous invitation; the partial unique index keeps at most one live invitation per
-- account, whatever the interleaving of two operators' clicks.
create table account_invitation (
    id          uuid          primary key,
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    account_id  uuid          not null references account (id) on delete cascade,
    token_hash  varchar(64)   not null unique,
    sent_at     timestamptz   not null,
    sent_by     varchar(255)  not null,
    expires_at  timestamptz   not null,
    used_at     timestamptz,
    voided_at   timestamptz,
    version     bigint        not null default 0,
    constraint account_invitation_expiry check (expires_at > sent_at),
    constraint account_invitation_used_or_voided check (used_at is null or voided_at is null)
);
create unique index account_invitation_live on account_invitation (account_id) where voided_at is null;
select platform_isolate_tenant_table('account_invitation', '${appRole}', 'select, insert, update');
