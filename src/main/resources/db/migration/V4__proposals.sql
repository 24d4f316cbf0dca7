-- The bump proposed for a repository in a run (drift.propose.enabled), one row per repository at most.
create table drift_proposal (
	run_id     bigint        not null,
	repo_name  varchar(255)  not null,
	target     varchar(64)   not null,
	stage      int           not null,
	stages     int           not null,
	branch     varchar(255)  not null,
	number     int,
	url        varchar(1000),
	state      varchar(16)   not null,
	opened_at  timestamp with time zone,
	reason     varchar(2000),
	primary key (run_id, repo_name),
	foreign key (run_id, repo_name) references drift_repo_result (run_id, name) on delete cascade
);
