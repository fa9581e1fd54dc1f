-- Corrections of released results, certificate reissue and certificate failures (issue #7 §2, #8; task lab).
-- Plain columns, no foreign keys to other modules' tables (as in 0012).

-- The history of a released result: each correction keeps the value it replaced, who, when and why.
create table lab_result_corrections (
  id uuid primary key default gen_random_uuid(),
  barcode text not null,
  old_result text not null check (old_result in ('positive', 'negative', 'invalid')),
  old_ct_values jsonb,
  old_kit text,
  new_result text not null check (new_result in ('positive', 'negative', 'invalid')),
  new_ct_values jsonb,
  new_kit text,
  reason text not null,
  corrected_by text not null,
  corrected_at timestamptz not null default now()
);
create index lab_result_corrections_barcode_idx on lab_result_corrections (barcode, corrected_at);
alter table lab_results add column corrected_at timestamptz;

-- A corrected result is reissued: one person result may now have had several certificates (the
-- current one is person_results.certificate_id; older ones are revoked).
alter table test_certificates drop constraint test_certificates_person_result_id_key;
create index test_certificates_person_result_idx on test_certificates (person_result_id);
alter table test_certificates add column replaced_by uuid;

-- A certificate that could not be signed never blocks the release of the result: it is recorded here,
-- shown to the lab supervisor and retried; the row goes once a certificate is issued.
create table certificate_failures (
  person_result_id uuid primary key,
  person_id uuid not null,
  lab_id uuid,
  reason text not null,
  attempts int not null default 1,
  first_failed_at timestamptz not null default now(),
  last_failed_at timestamptz not null default now()
);
create index certificate_failures_lab_idx on certificate_failures (lab_id, first_failed_at);
