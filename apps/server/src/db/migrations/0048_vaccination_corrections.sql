-- vacccert (issue #12 §5): citizen corrections ("đã tiêm nhưng chưa có chứng nhận"). Owner: vaccination.
-- A citizen (or hotline staff for a caller) reports a missing or wrong dose with evidence; the commune
-- officer or the site's vaccinator accepts it (a dose with source 'correction') or rejects it with a reason.
create table vaccination_corrections (
  id uuid primary key default gen_random_uuid(),
  -- Chosen by the filing device: a retried filing is the same request.
  client_id uuid not null unique,
  person_id uuid not null references persons (id),
  kind text not null check (kind in ('missing', 'wrong')),
  -- For 'wrong': the dose on record that is wrong (voided when the correction is accepted).
  dose_id uuid references vaccination_doses (id),
  product_mp text not null,
  dose_date date not null,
  site_id uuid references vaccination_sites (id),
  -- Where, as the citizen says it, when the site is not one of ours (a hospital, another province).
  site_text text,
  lot_number text,
  note text,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  filed_via text not null check (filed_via in ('citizen', 'hotline')),
  filed_by_account_id uuid not null references accounts (id),
  filed_at timestamptz not null default now(),
  decided_by_account_id uuid references accounts (id),
  decided_at timestamptz,
  decision_reason text,
  accepted_dose_id uuid references vaccination_doses (id),
  -- The person's area when filed: who may review it.
  commune_code text,
  district_code text,
  province_code text,
  unit_structure text not null default 'pre2025',
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'rejected' or decision_reason is not null)
);
create index vaccination_corrections_person_idx on vaccination_corrections (person_id, filed_at);
create index vaccination_corrections_pending_idx on vaccination_corrections (province_code, commune_code)
  where status = 'pending';
create index vaccination_corrections_site_idx on vaccination_corrections (site_id) where status = 'pending';

-- The evidence (photo or PDF of the paper card): stored here, never in a URL or a file named after the
-- person; served only to the filer and the reviewers, each read audited. Retention: the bytes are
-- deleted 180 days after the decision (vaccination.corrections.retention.ts); the request stays.
create table vaccination_correction_evidence (
  id uuid primary key default gen_random_uuid(),
  correction_id uuid not null references vaccination_corrections (id),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea,
  uploaded_at timestamptz not null default now(),
  deleted_at timestamptz,
  check ((content is null) = (deleted_at is not null))
);
create index vaccination_correction_evidence_idx on vaccination_correction_evidence (correction_id);

-- What happened to a request, in order (filed, accepted, rejected): the history the citizen and officers see.
create table vaccination_correction_history (
  id bigserial primary key,
  correction_id uuid not null references vaccination_corrections (id),
  at timestamptz not null default now(),
  actor_account_id uuid not null references accounts (id),
  action text not null check (action in ('filed', 'accepted', 'rejected')),
  reason text
);
create index vaccination_correction_history_idx on vaccination_correction_history (correction_id, id);
