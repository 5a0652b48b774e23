--liquibase formatted sql

--changeset platform:006-message-agreed
-- Tynda 3.6: who of the agreeing persons has agreed; the answer goes to approval once all have.
alter table message add column agreed_ids uuid[] not null default '{}';
