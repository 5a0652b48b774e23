--liquibase formatted sql

--changeset platform:014-polls
-- Polls and rating votes (Tomsk 1.1, 2.5; Volgograd 9; Tynda 2.1; Gubkinsky 3.10–3.13). The stored status is the
-- moderation's (DRAFT, ON_MODERATION, REFUSED, APPROVED); an approved poll is announced, open or closed by its dates,
-- so no timer has to flip it at midnight. closed_at is set once, by whichever instance sees the end first.
create table poll (
    id                   uuid          primary key,
    tenant_id            varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    kind                 varchar(16)   not null check (kind in ('ORDINARY', 'RATING')),
    title                varchar(300)  not null,
    description          text          not null default '',
    status               varchar(16)   not null check (status in ('DRAFT', 'ON_MODERATION', 'REFUSED', 'APPROVED')),
    initiator            varchar(16)   not null check (initiator in ('STAFF', 'CITIZEN', 'BUSINESS')),
    author_id            uuid,
    author_name          varchar(255),
    districts            varchar(100)[] not null default '{}',
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    quorum               int           check (quorum is null or quorum > 0),
    created_at           timestamptz   not null,
    submitted_at         timestamptz,
    moderation_due_at    timestamptz,
    moderated_at         timestamptz,
    moderated_by         varchar(255),
    refusal_reason       varchar(2000),
    closed_at            timestamptz,
    results_published_at timestamptz,
    vote_count           int           not null default 0,
    guest_vote_count     int           not null default 0,
    constraint poll_period check (ends_at > starts_at),
    constraint poll_refusal_reasoned check (status <> 'REFUSED' or refusal_reason is not null)
);
create index poll_tenant_status_starts on poll (tenant_id, status, starts_at);
select platform_isolate_tenant_table('poll', '${appRole}');

create table poll_question (
    id          uuid          primary key,
    poll_id     uuid          not null references poll (id) on delete cascade,
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    position    int           not null,
    text        varchar(1000) not null,
    min_choices int           not null check (min_choices >= 0),
    max_choices int           not null check (max_choices >= 1),
    constraint poll_question_choices check (max_choices >= min_choices),
    unique (poll_id, position)
);
select platform_isolate_tenant_table('poll_question', '${appRole}');

create table poll_option (
    id          uuid          primary key,
    question_id uuid          not null references poll_question (id) on delete cascade,
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    position    int           not null,
    text        varchar(1000) not null,
    unique (question_id, position)
);
select platform_isolate_tenant_table('poll_option', '${appRole}');

-- One vote per person per poll: the primary key, not a check in memory, so parallel submissions by one person on
-- any number of instances leave one row. voter is "account:<id>" or "guest:<cookie id>".
create table poll_vote (
    poll_id    uuid          not null references poll (id) on delete cascade,
    voter      varchar(120)  not null,
    tenant_id  varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    guest      boolean       not null,
    voted_at   timestamptz   not null,
    primary key (poll_id, voter)
);
select platform_isolate_tenant_table('poll_vote', '${appRole}', 'select, insert');

create table poll_answer (
    poll_id    uuid          not null,
    voter      varchar(120)  not null,
    option_id  uuid          not null references poll_option (id) on delete cascade,
    tenant_id  varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    guest      boolean       not null,
    primary key (poll_id, voter, option_id),
    foreign key (poll_id, voter) references poll_vote (poll_id, voter) on delete cascade
);
create index poll_answer_option on poll_answer (option_id);
select platform_isolate_tenant_table('poll_answer', '${appRole}', 'select, insert');
