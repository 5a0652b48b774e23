--liquibase formatted sql

--changeset platform:016-account-district
-- The district a resident says they live in (one of the tenant's districts): polls aimed at districts are voted on by
-- their residents only (Volgograd 9: target groups). Declared in the cabinet; none = not yet said.
alter table account add column district_id varchar(100);
