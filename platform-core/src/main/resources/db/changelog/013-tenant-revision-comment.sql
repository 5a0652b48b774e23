--liquibase formatted sql

--changeset platform:013-tenant-revision-comment
-- The rules editor (issue 5) lets the regional operator say why a version was saved; shown in the list of versions.
alter table tenant_revision add column comment varchar(500);
