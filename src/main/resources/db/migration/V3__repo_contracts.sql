-- Each scanned repository's vendored contracts per run: one row per lock entry, checked, and one per
-- path the policy requires that an enumerated consumer does not lock (state 'not-adopted').
create table drift_repo_contract (
	run_id          bigint        not null,
	repo_name       varchar(255)  not null,
	position        int           not null,
	path            varchar(1000),
	source          varchar(255),
	source_path     varchar(1000),
	ref             varchar(255),
	lock_sha256     varchar(64),
	vendored_sha256 varchar(64),
	upstream_sha256 varchar(64),
	state           varchar(16)   not null,
	primary key (run_id, repo_name, position),
	foreign key (run_id, repo_name) references drift_repo_result (run_id, name) on delete cascade
);
