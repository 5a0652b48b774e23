--liquibase formatted sql

--changeset platform:009-message-district
-- The public feed filters by district (issue 4). The district is derived from the message's point by the tenant's
-- district polygons at intake; a text id, because districts are tenant configuration, not rows.
alter table message add column district_id text;
create index message_tenant_district on message (tenant_id, district_id, received_at desc) where published;
