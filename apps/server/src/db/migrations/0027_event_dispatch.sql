-- The event dispatcher (issue #9): an event is leased to one dispatcher at a time (`next_attempt_at`
-- in the future while a server works on it), failed attempts wait longer each time, and an event that
-- failed too often is a dead letter (`dead_at`) until a national administrator retries it.
alter table domain_events add column next_attempt_at timestamptz not null default now();
alter table domain_events add column last_attempt_at timestamptz;
alter table domain_events add column dead_at timestamptz;

drop index domain_events_pending_idx;
create index domain_events_due_idx on domain_events (next_attempt_at, id)
  where processed_at is null and dead_at is null;
create index domain_events_dead_idx on domain_events (id) where dead_at is not null;
create index domain_events_processed_idx on domain_events (processed_at) where processed_at is not null;

-- Events the old pass gave up on (10 failed attempts) are dead letters from now on.
update domain_events set dead_at = coalesce(last_attempt_at, now())
  where processed_at is null and attempts >= 10;
