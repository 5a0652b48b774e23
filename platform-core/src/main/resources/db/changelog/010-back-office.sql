--liquibase formatted sql

--changeset platform:010-account-categories
-- The categories a staff member handles (Zarechny appendix 2: moderators and executors are bound to problem types).
-- Empty = every category, so accounts made before this change keep seeing everything. Ids, not rows: categories are
-- tenant configuration; a category that leaves the configuration simply matches no message any more.
alter table account add column categories varchar(100)[] not null default '{}';

--changeset platform:010-news-withdrawal
-- An operator withdraws a news item or a maintenance notice; the row is kept (what was published, and when).
alter table news add column withdrawn_at timestamptz;
