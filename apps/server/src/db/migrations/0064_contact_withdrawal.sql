-- Issue #13, task trace13: a case annulled by a result correction (cases' closed_reason 'annulled')
-- was never a case, so the contacts traced from it are withdrawn: no longer F1/F2 from it, their
-- colour from it gone, pending candidates off the lists. The row stays (history, audit), marked
-- 'withdrawn' with the status it had (`withdrawn_from`). Owner: modules/tracing.
alter table contacts drop constraint contacts_status_check;
alter table contacts add constraint contacts_status_check
  check (status in ('candidate', 'confirmed', 'dismissed', 'withdrawn'));
alter table contacts add column withdrawn_from text
  check (withdrawn_from in ('candidate', 'confirmed', 'dismissed'));
alter table contacts add constraint contacts_withdrawn_from
  check ((status = 'withdrawn') = (withdrawn_from is not null));
-- The case's named lines still waiting for an officer leave the waiting list the same way.
alter table named_contacts drop constraint named_contacts_status_check;
alter table named_contacts add constraint named_contacts_status_check
  check (status in ('matched', 'pending', 'ambiguous', 'registered', 'withdrawn'));
