-- Issue #13 (test.corrected): a lab's correction that turns the confirming positive result into a
-- negative annuls that confirmation (kept, marked, for the history) and, when no confirmation remains,
-- closes the case as annulled: it was never a case. Owner: modules/cases.
alter table case_confirmations add column annulled_at timestamptz;
alter table cases add column closed_reason text check (closed_reason in ('annulled'));
alter table cases add constraint cases_annulled_closed check (closed_reason is null or status = 'closed');
