--liquibase formatted sql

--changeset platform:003-oauth2-authorization
-- Spring Authorization Server's authorizations (codes, tokens), shared by every instance of the cluster.
-- Tenant-owned: tenant_id defaults to the connection's tenant ('_platform' on the platform host), and row-level
-- security keeps one tenant's codes from ever being redeemed on another tenant's host.
create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    tenant_id                     varchar(31)  not null default current_setting('app.tenant_id', true),
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text          default null,
    state                         varchar(500)  default null,
    authorization_code_value      text          default null,
    authorization_code_issued_at  timestamptz   default null,
    authorization_code_expires_at timestamptz   default null,
    authorization_code_metadata   text          default null,
    access_token_value            text          default null,
    access_token_issued_at        timestamptz   default null,
    access_token_expires_at       timestamptz   default null,
    access_token_metadata         text          default null,
    access_token_type             varchar(100)  default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text          default null,
    oidc_id_token_issued_at       timestamptz   default null,
    oidc_id_token_expires_at      timestamptz   default null,
    oidc_id_token_metadata        text          default null,
    refresh_token_value           text          default null,
    refresh_token_issued_at       timestamptz   default null,
    refresh_token_expires_at      timestamptz   default null,
    refresh_token_metadata        text          default null,
    user_code_value               text          default null,
    user_code_issued_at           timestamptz   default null,
    user_code_expires_at          timestamptz   default null,
    user_code_metadata            text          default null,
    device_code_value             text          default null,
    device_code_issued_at         timestamptz   default null,
    device_code_expires_at        timestamptz   default null,
    device_code_metadata          text          default null
);
create index oauth2_authorization_state on oauth2_authorization (state);
create index oauth2_authorization_code on oauth2_authorization (md5(authorization_code_value));

select platform_isolate_tenant_table('oauth2_authorization', '${appRole}');

--changeset platform:003-signing-key
-- The key the authorization server signs tokens with: one per platform, kept in the database so that every instance
-- of the cluster signs and verifies with the same key. Readable by the application role only.
create table signing_key (
    kid          varchar(64)  primary key,
    private_key  text         not null,
    public_key   text         not null,
    created_at   timestamptz  not null default now(),
    active       boolean      not null default true
);
grant select, insert on signing_key to ${appRole};
