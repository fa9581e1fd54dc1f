-- Lab (issue #4 §2–§5): results per tube (entered → released), bulk uploads with per-lab column
-- mappings, results delivered to people, re-test tasks for positive pools, and DCC test certificates.
-- No foreign keys to other modules' tables (tubes, labs, persons): plain columns keep migrations independent.

create table lab_column_mappings (
  lab_id uuid primary key,
  mapping jsonb not null,
  updated_by text,
  updated_at timestamptz not null default now()
);

-- One row per uploaded file; the same file (SHA-256) sent again to the same lab returns this report.
create table result_uploads (
  id uuid primary key default gen_random_uuid(),
  lab_id uuid not null,
  sha256 text not null,
  format text not null check (format in ('csv', 'xlsx')),
  status text not null default 'processing' check (status in ('processing', 'done', 'failed')),
  rows_total int not null default 0,
  rows_done int not null default 0,
  rows_failed int not null default 0,
  errors jsonb not null default '[]'::jsonb,
  uploaded_by text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (lab_id, sha256)
);

create table lab_results (
  barcode text primary key,
  lab_id uuid not null,
  result text not null check (result in ('positive', 'negative', 'invalid')),
  ct_values jsonb,
  kit text,
  status text not null default 'entered' check (status in ('entered', 'released')),
  entered_by text not null,
  entered_at timestamptz not null default now(),
  verified_by text,
  released_at timestamptz,
  upload_id uuid
);
create index lab_results_queue_idx on lab_results (lab_id, entered_at) where status = 'entered';
create index lab_results_released_idx on lab_results (released_at) where released_at is not null;

-- What a person sees: one row per member of a released tube (a pool's members each get one).
create table person_results (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  barcode text not null,
  result text not null check (result in ('positive', 'negative', 'invalid')),
  test_type text not null,
  pooled boolean not null,
  collected_at timestamptz,
  released_at timestamptz not null,
  lab_id uuid,
  lab_name text,
  certificate_id uuid,
  unique (person_id, barcode)
);
create index person_results_person_idx on person_results (person_id, released_at desc);

-- A positive pool's members are re-tested individually; their next released single result closes it.
create table retest_tasks (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null,
  pool_barcode text not null,
  status text not null default 'pending' check (status in ('pending', 'done')),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by_barcode text,
  unique (person_id, pool_barcode)
);
create index retest_tasks_pending_idx on retest_tasks (person_id) where status = 'pending';

create table test_certificates (
  id uuid primary key default gen_random_uuid(),
  uvci text not null unique,
  person_id uuid not null,
  person_result_id uuid not null unique,
  hc1 text not null,
  kid text not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null
);
create index test_certificates_person_idx on test_certificates (person_id);
