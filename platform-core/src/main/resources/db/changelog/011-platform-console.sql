--liquibase formatted sql

--changeset platform:011-account-last-sign-in
-- The platform owner's console counts a tenant's active users: accounts that signed in (or acted) lately. Acting
-- leaves transitions and messages; signing in left no trace until now.
alter table account add column last_signed_in_at timestamptz;
create index account_tenant_last_sign_in on account (tenant_id, last_signed_in_at) where last_signed_in_at is not null;

--changeset platform:011-platform-announcement-withdraw
-- The platform owner may withdraw an announcement made by mistake (or maintenance that was called off).
grant delete on platform_announcement to ${appRole};

--changeset platform:011-message-transition-tenant-at
-- The console's last activity, recent activity and active users read a tenant's latest transitions.
create index message_transition_tenant_at on message_transition (tenant_id, at desc);
