--liquibase formatted sql

--changeset platform:001-tenant
-- Platform-level: the registry of tenants. Not tenant-owned, so no row-level security here.
create table tenant (
    id           varchar(31) primary key check (id ~ '^[a-z][a-z0-9-]{1,30}$'),
    document     jsonb        not null,
    status       varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    version      bigint       not null default 1,
    source       varchar(255) not null,
    source_hash  varchar(64),
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(255) not null
);
comment on table tenant is 'Tenants and their configuration documents (config/tenants/*.yaml after import); the source of truth.';

create table tenant_revision (
    tenant_id    varchar(31)  not null references tenant (id),
    version      bigint       not null,
    document     jsonb        not null,
    status       varchar(16)  not null,
    source       varchar(255) not null,
    changed_at   timestamptz  not null default now(),
    changed_by   varchar(255) not null,
    primary key (tenant_id, version)
);
comment on table tenant_revision is 'Every saved version of a tenant configuration: who, when, what (for diff and roll-back).';

grant select, insert, update on tenant to ${appRole};
grant select, insert on tenant_revision to ${appRole};

--changeset platform:001-tenant-isolation-function splitStatements:false
-- Every tenant-owned table is fenced the same way; migrations call this instead of repeating (and perhaps
-- forgetting part of) it: row-level security enabled and FORCEd (so even the owner is filtered), one policy on
-- the connection's tenant for reads and writes, and the application role's rights.
create function platform_isolate_tenant_table(tbl regclass, app_role name, privileges text default 'select, insert, update, delete')
returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format('create policy tenant_isolation on %s using (tenant_id = current_setting(''app.tenant_id'', true)) '
                   'with check (tenant_id = current_setting(''app.tenant_id'', true))', tbl);
    execute format('grant %s on %s to %I', privileges, tbl, app_role);
end;
$$;

--changeset platform:001-tenant-isolation-function-private
revoke execute on function platform_isolate_tenant_table(regclass, name, text) from public;
