--liquibase formatted sql

--changeset platform:004-pg-trgm
-- Trigram similarity finds possible duplicates for the moderator (Tomsk 4.4, Zarechny 4.4, Gubkinsky 3.8 (7)).
create extension if not exists pg_trgm;

--changeset platform:004-account-blocking
-- Gubkinsky 3.9: an author may be blocked, with the reason kept.
alter table account add column blocked_at timestamptz;
alter table account add column blocked_reason varchar(2000);

--changeset platform:004-message-number
-- One counter per tenant and year: the public number (ZAR-2026-000123) is handed out under the row's lock, so two
-- messages never share one and numbers have no gaps from concurrent submissions.
create table message_number (
    tenant_id  varchar(31) not null default current_setting('app.tenant_id', true) references tenant (id),
    year       int         not null,
    last_value bigint      not null,
    primary key (tenant_id, year)
);
select platform_isolate_tenant_table('message_number', '${appRole}');

--changeset platform:004-message
create table message (
    id                 uuid          primary key,
    tenant_id          varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    number             varchar(40)   not null,
    kind               varchar(16)   not null,
    channel            varchar(16)   not null,
    external_id        varchar(200),
    author_id          uuid,
    author_name        varchar(255),
    author_email       varchar(255),
    author_phone       varchar(50),
    text               text          not null,
    category_id        varchar(100),
    organisation_id    varchar(100),
    latitude           double precision,
    longitude          double precision,
    address            varchar(500),
    occurred_at        timestamptz,
    publicity_confirmed boolean      not null default false,
    public_allowed     boolean       not null default true,
    published          boolean       not null default false,
    answer_public      boolean       not null default true,
    stage              varchar(50)   not null,
    status             varchar(20)   not null,
    received_at        timestamptz   not null,
    registered_at      timestamptz,
    due_at             timestamptz,
    due_rule           varchar(50),
    stage_entered_at   timestamptz   not null,
    stage_due_at       timestamptz,
    overdue_notified   boolean       not null default false,
    stage_overdue_notified boolean   not null default false,
    assignee_id        uuid,
    head_id            uuid,
    agreeing_ids       uuid[]        not null default '{}',
    redirected         boolean       not null default false,
    refusal_reason     varchar(100),
    result             varchar(20),
    postponed_until    date,
    answer_text        text,
    answer_attachments varchar(300)[] not null default '{}',
    executor_position  varchar(255),
    answered_at        timestamptz,
    rating             varchar(50),
    rating_remarks     text,
    rated_at           timestamptz,
    support_count      int           not null default 0,
    correction_of      varchar(40),
    version            bigint        not null default 0,
    constraint message_number_unique unique (tenant_id, number),
    constraint message_external_unique unique (tenant_id, channel, external_id)
);
create index message_tenant_stage on message (tenant_id, stage);
create index message_tenant_author on message (tenant_id, author_id, received_at desc);
create index message_tenant_published on message (tenant_id, published, received_at desc);
create index message_due on message (due_at) where due_at is not null and not overdue_notified;
create index message_stage_due on message (stage_due_at) where stage_due_at is not null and not stage_overdue_notified;
create index message_text_trgm on message using gin (text gin_trgm_ops);
select platform_isolate_tenant_table('message', '${appRole}');

--changeset platform:004-message-photo
create table message_photo (
    message_id    uuid         not null references message (id) on delete cascade,
    position      int          not null,
    tenant_id     varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    storage_key   varchar(300) not null,
    thumbnail_key varchar(300) not null,
    width         int          not null,
    height        int          not null,
    bytes         bigint       not null,
    content_type  varchar(50)  not null,
    primary key (message_id, position)
);
select platform_isolate_tenant_table('message_photo', '${appRole}');

--changeset platform:004-message-transition
-- The audit trail: one row per transition, never updated or deleted. The public timeline is derived from it.
create table message_transition (
    id                 bigint generated always as identity primary key,
    tenant_id          varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    message_id         uuid         not null references message (id) on delete cascade,
    at                 timestamptz  not null,
    actor_id           uuid,
    actor_name         varchar(255),
    actor_role         varchar(32),
    actor_organisation varchar(100),
    action             varchar(50)  not null,
    action_type        varchar(30)  not null,
    from_stage         varchar(50),
    to_stage           varchar(50)  not null,
    to_status          varchar(20)  not null,
    reason             varchar(100),
    comment            text,
    details            jsonb        not null default '{}',
    attachments        varchar(300)[] not null default '{}',
    due_at             timestamptz
);
create index message_transition_message on message_transition (message_id, id);
select platform_isolate_tenant_table('message_transition', '${appRole}', 'select, insert');

--changeset platform:004-message-support
-- One support per person per message (Zarechny 7.5), guaranteed by the primary key, not by the application.
create table message_support (
    message_id uuid         not null references message (id) on delete cascade,
    supporter  varchar(120) not null,
    tenant_id  varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    guest      boolean      not null,
    created_at timestamptz  not null default now(),
    primary key (message_id, supporter)
);
select platform_isolate_tenant_table('message_support', '${appRole}', 'select, insert');

--changeset platform:004-integration-token
-- Tokens for external channels (Tynda's federal platform, mobile apps, Open311 clients), bound to one tenant.
create table integration_token (
    id          uuid         primary key,
    tenant_id   varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    name        varchar(200) not null,
    token_hash  varchar(64)  not null unique,
    roles       varchar(32)[] not null default '{}',
    created_at  timestamptz  not null default now(),
    revoked_at  timestamptz
);
select platform_isolate_tenant_table('integration_token', '${appRole}');
