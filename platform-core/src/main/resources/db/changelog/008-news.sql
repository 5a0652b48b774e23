--liquibase formatted sql

--changeset platform:008-news
-- A tenant's news, planned maintenance included (Tomsk 2.3: planned works are announced in the news section).
-- A maintenance item carries its window; plain news has none.
create table news (
    id           uuid         primary key,
    tenant_id    varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    kind         varchar(16)  not null check (kind in ('NEWS', 'MAINTENANCE')),
    title        varchar(300) not null,
    body         text         not null,
    published_at timestamptz  not null,
    starts_at    timestamptz,
    ends_at      timestamptz,
    constraint news_window check ((kind = 'MAINTENANCE') = (starts_at is not null and ends_at is not null)),
    constraint news_window_order check (ends_at is null or ends_at > starts_at)
);
create index news_tenant_kind_published on news (tenant_id, kind, published_at desc);
create index news_tenant_ends on news (tenant_id, ends_at) where ends_at is not null;
select platform_isolate_tenant_table('news', '${appRole}');

--changeset platform:008-platform-announcement
-- Announcements of the platform owner that every tenant's home page shows (maintenance of the whole platform).
-- Platform-level, like the tenant registry: no tenant_id and no row-level security; the application may read and
-- add rows, and only the platform owner's service method adds them (docs/decisions/2026-11-23-news-and-maintenance.md).
create table platform_announcement (
    id           uuid         primary key,
    kind         varchar(16)  not null check (kind in ('NEWS', 'MAINTENANCE')),
    title        varchar(300) not null,
    body         text         not null,
    published_at timestamptz  not null,
    starts_at    timestamptz,
    ends_at      timestamptz,
    constraint platform_announcement_window
        check ((kind = 'MAINTENANCE') = (starts_at is not null and ends_at is not null)),
    constraint platform_announcement_window_order check (ends_at is null or ends_at > starts_at)
);
create index platform_announcement_published on platform_announcement (kind, published_at desc);
grant select, insert on platform_announcement to ${appRole};
