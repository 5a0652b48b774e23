--liquibase formatted sql

--changeset platform:019-shop
-- The bonus shop (Gubkinsky 2, 4): goods and certificates exchanged for points. Stock is exact by the database:
-- on_hand counts the units the shop holds, reserved the units promised to open orders, and a check keeps
-- 0 <= reserved <= on_hand, so no interleaving of redemptions, issues and cancellations can promise a unit twice.
create table shop_item (
    id               uuid          primary key,
    tenant_id        varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    name             varchar(200)  not null check (length(trim(name)) > 0),
    description      text          not null default '',
    kind             varchar(24)   not null check (kind in ('GOODS', 'MUNICIPAL_CERTIFICATE', 'SPONSOR_CERTIFICATE')),
    price_points     int           not null check (price_points > 0),
    unit_cost_rub    numeric(12,2) not null check (unit_cost_rub >= 0),
    -- The protocol approving the goods list (4.3): required for goods bought from the budget.
    protocol_number  varchar(100),
    protocol_date    date,
    photo_key        varchar(200),
    thumbnail_key    varchar(200),
    on_hand          int           not null default 0 check (on_hand >= 0),
    reserved         int           not null default 0 check (reserved >= 0),
    active           boolean       not null default true,
    created_at       timestamptz   not null,
    created_by       varchar(255)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(255)  not null,
    constraint shop_item_reserved_held check (reserved <= on_hand),
    constraint shop_item_goods_protocol check (kind <> 'GOODS'
        or (protocol_number is not null and length(trim(protocol_number)) > 0 and protocol_date is not null))
);
create index shop_item_tenant_active on shop_item (tenant_id, active, name);
select platform_isolate_tenant_table('shop_item', '${appRole}', 'select, insert, update');

-- Every change of the units on hand, so a month's supply (certificates received, 4.5) and the issues can be counted.
-- Append-only for the application: a wrong receipt is corrected by another movement.
create table shop_stock_movement (
    id          uuid          primary key,
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    item_id     uuid          not null references shop_item (id),
    kind        varchar(16)   not null check (kind in ('RECEIPT', 'ISSUE')),
    quantity    int           not null check (quantity > 0),
    order_id    uuid,
    note        varchar(1000),
    at          timestamptz   not null,
    by_name     varchar(255)  not null
);
create index shop_stock_movement_month on shop_stock_movement (tenant_id, kind, at);
select platform_isolate_tenant_table('shop_stock_movement', '${appRole}', 'select, insert');

-- One order is one unit of one item, paid by one ledger entry (source "order:<id>").
create table shop_order (
    id               uuid          primary key,
    tenant_id        varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    item_id          uuid          not null references shop_item (id),
    item_name        varchar(200)  not null,
    account_id       uuid          not null references account (id),
    account_name     varchar(255)  not null,
    points           int           not null check (points > 0),
    redemption_id    uuid          not null unique references points_entry (id),
    status           varchar(16)   not null check (status in ('RESERVED', 'ISSUED', 'CANCELLED')),
    created_at       timestamptz   not null,
    issued_at        timestamptz,
    issued_by        varchar(255),
    cancelled_at     timestamptz,
    cancelled_by     varchar(255),
    cancel_reason    varchar(2000),
    constraint shop_order_issued_by check (status <> 'ISSUED' or (issued_at is not null and issued_by is not null)),
    constraint shop_order_cancel_reasoned check (status <> 'CANCELLED'
        or (cancelled_at is not null and length(trim(cancel_reason)) > 0))
);
create index shop_order_tenant_status on shop_order (tenant_id, status, created_at);
create index shop_order_account on shop_order (tenant_id, account_id, created_at);
select platform_isolate_tenant_table('shop_order', '${appRole}', 'select, insert, update');

-- The monthly certificate supply alert (4.5), once per tenant and month: the primary key, not a flag in memory,
-- so two instances running the check alert once.
create table shop_supply_alert (
    tenant_id   varchar(31)   not null default current_setting('app.tenant_id', true) references tenant (id),
    month       date          not null,
    received    int           not null,
    minimum     int           not null,
    sent_at     timestamptz   not null,
    primary key (tenant_id, month)
);
select platform_isolate_tenant_table('shop_supply_alert', '${appRole}', 'select, insert');
