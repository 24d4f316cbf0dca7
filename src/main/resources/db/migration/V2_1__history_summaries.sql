-- What the history queries need, derived once when a run is written rather than from every row of
-- every run each time a query runs: on a year of nightly runs of 1,000 repositories that is the
-- difference between milliseconds and seconds. V2_2 derives them for runs recorded before.

-- The run's figures for "history trend" and the report's chart; set when the run is finished.
alter table drift_run add column repos int;
alter table drift_run add column enumerated int;
alter table drift_run add column exempt int;
alter table drift_run add column unlisted_pinned int;
alter table drift_run add column clean int;
alter table drift_run add column unknown_repos int;
alter table drift_run add column behind int;
alter table drift_run add column median_lag_releases double precision;
alter table drift_run add column max_lag_releases int;
alter table drift_run add column median_lag_days double precision;
alter table drift_run add column max_lag_days bigint;

-- Each repository's timeline, carried over from its row in the previous complete run of the same org
-- and forge: its last known pin (kept while it cannot be read), whether this run saw that pin change
-- (or saw the repository for the first time), since when it has had it, and since when it has been
-- behind the SSOT.
alter table drift_repo_result add column known_pin varchar(128);
alter table drift_repo_result add column pin_changed boolean default false not null;
alter table drift_repo_result add column pin_since timestamp with time zone;
alter table drift_repo_result add column behind_since timestamp with time zone;

-- The history of one organisation on one forge (several CronJobs may share the database).
create index drift_run_scope on drift_run (org, forge_type, started_at);
-- time-to-sync reads only the rows where a consumer's pin changed.
create index drift_repo_result_changes on drift_repo_result (name, pin_changed, run_id);
