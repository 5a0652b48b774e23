--liquibase formatted sql

--changeset platform:002-account
-- A person's account within one tenant: citizen or staff. The same user name may exist in two tenants.
create table account (
    id            uuid         primary key,
    tenant_id     varchar(31)  not null references tenant (id),
    username      varchar(100) not null,
    password_hash varchar(255),
    display_name  varchar(255) not null,
    email         varchar(255),
    roles         varchar(32)[] not null default '{}',
    organisation  varchar(100),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint account_username_unique unique (tenant_id, username)
);
create index account_tenant_email on account (tenant_id, lower(email));

select platform_isolate_tenant_table('account', '${appRole}');

--changeset platform:002-platform-account
-- Platform owners sign in on the platform host; they hold no tenant account.
create table platform_account (
    id            uuid         primary key,
    username      varchar(100) not null unique,
    password_hash varchar(255) not null,
    display_name  varchar(255) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
grant select, insert, update on platform_account to ${appRole};
