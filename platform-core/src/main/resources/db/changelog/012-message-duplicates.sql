--liquibase formatted sql

--changeset platform:012-message-duplicate-of
-- A message removed as a repeat of an earlier one (Tomsk 4.4, Zarechny 4.4, Gubkinsky 3.8 (7)) points at it; its
-- supporters were carried over to the earlier message when it was merged.
alter table message add column duplicate_of uuid references message (id);
create index message_duplicate_of on message (duplicate_of) where duplicate_of is not null;

--changeset platform:012-message-link
-- Messages a moderator linked as related (the same place or problem) while both stay in work.
create table message_link (
    message_id uuid         not null references message (id) on delete cascade,
    linked_id  uuid         not null references message (id) on delete cascade,
    tenant_id  varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    linked_by  varchar(255) not null,
    linked_at  timestamptz  not null default now(),
    primary key (message_id, linked_id),
    check (message_id <> linked_id)
);
create index message_link_linked on message_link (linked_id);
select platform_isolate_tenant_table('message_link', '${appRole}', 'select, insert, delete');
