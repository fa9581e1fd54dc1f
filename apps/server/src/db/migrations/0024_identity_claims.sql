-- A citizen registering their own record with an identity number another record already holds: the
-- number is not stored on the new record and the answer does not say so (it would tell the caller the
-- number exists, issue #8). The claim waits in the record's history for the commune officer who sees the
-- papers (then merges the records or corrects the number).
alter table person_history drop constraint person_history_kind_check;
alter table person_history add constraint person_history_kind_check
  check (kind in ('create', 'update', 'merge', 'merged_into', 'family_link', 'identity_claim'));
