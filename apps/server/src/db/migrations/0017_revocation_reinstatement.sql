-- A revocation can be lifted (a suspended point reactivated). The row stays, marked reinstated, so
-- scanners syncing "changes since" learn it too; before, the row was deleted and they never did.
alter table revocations add column reinstated_at timestamptz;
alter table revocations add column changed_at timestamptz;
update revocations set changed_at = revoked_at;
alter table revocations alter column changed_at set not null;
alter table revocations alter column changed_at set default now();
create index revocations_changed_idx on revocations (changed_at);
