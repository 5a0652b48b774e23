--liquibase formatted sql

--changeset platform:017-ranked-votes
-- Ranked rating votes (Tomsk 1.1 "rank or choose among projects"; Tynda 2.1 local project selection): the voter orders
-- the projects; each answer keeps its place. A ranked poll has one question, so a voter's places are unique per poll:
-- one project per place, whatever the parallel requests. Answers of other polls keep rank null.
alter table poll drop constraint poll_kind_check;
alter table poll add constraint poll_kind_check check (kind in ('ORDINARY', 'RATING', 'RANKED'));
alter table poll_answer add column rank int;
alter table poll_answer add constraint poll_answer_rank_positive check (rank is null or rank >= 1);
create unique index poll_answer_one_per_rank on poll_answer (poll_id, voter, rank) where rank is not null;

--changeset platform:017-campaign-reminders
-- Overdue campaign deadlines (Gubkinsky 3.13–3.14) are told to the tenant's staff once: the reminder is handed to one
-- instance by setting these under the update that selects it.
alter table campaign add column results_reminded_at timestamptz;
alter table campaign add column report_reminded_at timestamptz;
