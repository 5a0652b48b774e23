--liquibase formatted sql

--changeset platform:005-notification
-- Notifications in a person's cabinet, newest first. They go with the account.
create table notification (
    id             bigint       generated always as identity primary key,
    tenant_id      varchar(31)  not null default current_setting('app.tenant_id', true) references tenant (id),
    account_id     uuid         not null references account (id) on delete cascade,
    subject        text         not null,
    body           text         not null,
    message_number varchar(64),
    created_at     timestamptz  not null default now(),
    read_at        timestamptz
);
create index notification_inbox on notification (tenant_id, account_id, created_at desc);
-- The unread badge is counted on every cabinet page.
create index notification_unread on notification (tenant_id, account_id) where read_at is null;

select platform_isolate_tenant_table('notification', '${appRole}');

--changeset platform:005-email-outbox
-- E-mails, written in the transaction of the action that causes them and sent by the relay after commit: a rolled-back
-- action sends nothing, a mail server outage fails no action. Rows are kept, sent or dead, as the record of what was
-- sent: the application role may not delete them.
create table email_outbox (
    id              bigint        generated always as identity primary key,
    tenant_id       varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    notification_id bigint        references notification (id) on delete set null,
    to_address      varchar(320)  not null,
    to_name         varchar(255),
    subject         text          not null,
    body            text          not null,
    created_at      timestamptz   not null default now(),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null default now(),
    sent_at         timestamptz,
    last_error      varchar(1000),
    dead            boolean       not null default false
);
-- The relay's question, asked every few seconds per tenant: what is due? Sent and dead rows leave this index.
create index email_outbox_due on email_outbox (tenant_id, next_attempt_at) where sent_at is null and not dead;
create index email_outbox_notification on email_outbox (notification_id);

select platform_isolate_tenant_table('email_outbox', '${appRole}', 'select, insert, update');
