--liquibase formatted sql

--changeset platform:007-external-identity
-- A citizen's identity at an external OpenID provider (ESIA): the provider's subject, linked to one account of the
-- tenant. The same person signing in again through the provider finds the same account; another tenant never sees it.
create table external_identity (
    id          uuid         primary key,
    tenant_id   varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    provider    varchar(31)  not null,
    subject     varchar(255) not null,
    account_id  uuid         not null references account (id),
    created_at  timestamptz  not null default now(),
    constraint external_identity_subject_unique unique (tenant_id, provider, subject)
);
create index external_identity_account on external_identity (account_id);

select platform_isolate_tenant_table('external_identity', '${appRole}');
