--liquibase formatted sql

--changeset platform:015-topic-plan
-- Gubkinsky 3.1–3.6: one annual plan of campaign and poll topics per tenant and year. Approved by the administrator
-- (management group, role OPERATOR); amended after approval only with a recorded reason (topic_plan_amendment).
create table topic_plan (
    id          uuid         primary key,
    tenant_id   varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    year        int          not null check (year between 2000 and 2999),
    approved_at timestamptz,
    approved_by varchar(255),
    constraint topic_plan_one_per_year unique (tenant_id, year)
);
select platform_isolate_tenant_table('topic_plan', '${appRole}');

create table topic_plan_topic (
    id             uuid          primary key,
    tenant_id      varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    plan_id        uuid          not null references topic_plan (id),
    kind           varchar(16)   not null check (kind in ('CAMPAIGN', 'POLL')),
    title          varchar(300)  not null,
    description    text          not null default '',
    proposing_unit varchar(100)  not null,
    proposed_by    varchar(255)  not null,
    proposed_at    timestamptz   not null,
    -- Set when the topic came in by an amendment after approval, or was withdrawn by one.
    added_by       uuid,
    withdrawn_by   uuid
);
create index topic_plan_topic_plan on topic_plan_topic (tenant_id, plan_id);
select platform_isolate_tenant_table('topic_plan_topic', '${appRole}');

create table topic_plan_amendment (
    id         uuid          primary key,
    tenant_id  varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    plan_id    uuid          not null references topic_plan (id),
    topic_id   uuid          not null references topic_plan_topic (id),
    kind       varchar(16)   not null check (kind in ('ADD', 'WITHDRAW')),
    reason     varchar(2000) not null check (length(trim(reason)) > 0),
    amended_by varchar(255)  not null,
    amended_at timestamptz   not null
);
create index topic_plan_amendment_plan on topic_plan_amendment (tenant_id, plan_id, amended_at);
select platform_isolate_tenant_table('topic_plan_amendment', '${appRole}');

--changeset platform:015-campaign
-- «Обсуждения» (Gubkinsky 3): an idea campaign on a CAMPAIGN topic of an approved plan. results_due_at and
-- report_due_at are computed with the tenant's production calendar when the period or the plan is set.
create table campaign (
    id                    uuid          primary key,
    tenant_id             varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    topic_id              uuid          not null references topic_plan_topic (id),
    title                 varchar(300)  not null,
    description           text          not null default '',
    initiating_unit       varchar(100)  not null,
    starts_at             timestamptz   not null,
    ends_at               timestamptz   not null,
    results_due_at        timestamptz   not null,
    created_by            varchar(255)  not null,
    created_at            timestamptz   not null,
    winners_published_at  timestamptz,
    results_sent_at       timestamptz,
    implementation_due_on date,
    report_due_at         timestamptz,
    report                text,
    report_published_at   timestamptz,
    constraint campaign_period check (ends_at > starts_at),
    constraint campaign_report_after_plan check (report_published_at is null or report_due_at is not null)
);
create index campaign_tenant_period on campaign (tenant_id, ends_at desc);
select platform_isolate_tenant_table('campaign', '${appRole}');

create table campaign_idea (
    id             uuid          primary key,
    tenant_id      varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    campaign_id    uuid          not null references campaign (id),
    author_id      uuid          not null,
    author_name    varchar(255)  not null,
    title          varchar(200)  not null,
    text           varchar(5000) not null,
    status         varchar(16)   not null check (status in ('MODERATION', 'PUBLISHED', 'REFUSED')),
    refusal_reason varchar(100),
    reply          varchar(2000),
    moderated_by   varchar(255),
    moderated_at   timestamptz,
    submitted_at   timestamptz   not null,
    winner         boolean       not null default false,
    -- A refusal always names the tenant's reason and the reasoned reply (3.8); a winner was published.
    constraint campaign_idea_refusal check ((status = 'REFUSED') = (refusal_reason is not null and reply is not null)),
    constraint campaign_idea_winner check (not winner or status = 'PUBLISHED')
);
create index campaign_idea_campaign on campaign_idea (tenant_id, campaign_id, status, submitted_at);
select platform_isolate_tenant_table('campaign_idea', '${appRole}');

create table campaign_comment (
    id             uuid          primary key,
    tenant_id      varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    idea_id        uuid          not null references campaign_idea (id),
    author_id      uuid          not null,
    author_name    varchar(255)  not null,
    text           varchar(2000) not null,
    status         varchar(16)   not null check (status in ('MODERATION', 'PUBLISHED', 'REFUSED')),
    refusal_reason varchar(100),
    reply          varchar(2000),
    moderated_by   varchar(255),
    moderated_at   timestamptz,
    submitted_at   timestamptz   not null,
    constraint campaign_comment_refusal
        check ((status = 'REFUSED') = (refusal_reason is not null and reply is not null))
);
create index campaign_comment_idea on campaign_comment (tenant_id, idea_id, status, submitted_at);
select platform_isolate_tenant_table('campaign_comment', '${appRole}');

create table campaign_plan_item (
    id          uuid          primary key,
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    campaign_id uuid          not null references campaign (id),
    position    int           not null,
    title       varchar(500)  not null,
    due_on      date          not null,
    constraint campaign_plan_item_position unique (campaign_id, position)
);
select platform_isolate_tenant_table('campaign_plan_item', '${appRole}');
