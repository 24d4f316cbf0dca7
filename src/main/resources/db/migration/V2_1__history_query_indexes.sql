-- The history queries (history repo|trend|time-to-sync|worst, the reports' trend) read the complete runs
-- of one organisation on one forge: several CronJobs may share this database.
create index drift_run_scope on drift_run (org, forge_type, started_at);
