-- Bulk import of dose records and invitation lists (issue #12 §4, §2), owned by the vaccination module.

-- One uploaded file and its job. The file is kept while the job may still run or be resumed and for
-- the error spreadsheet; the vaccination retention removes it (and the row details) after 30 days.
create table vaccination_imports (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('doses', 'invitations')),
  sha256 text not null,
  format text not null check (format in ('csv', 'xlsx')),
  file bytea,
  -- Where the header is (a row number as the spreadsheet shows it) and which cell holds which column.
  header_row integer not null,
  columns jsonb not null,
  rows_total integer not null,
  -- Rows committed so far, in file order: a job that stopped goes on from here.
  rows_done integer not null default 0,
  rows_failed integer not null default 0,
  rows_review integer not null default 0,
  rows_duplicate integer not null default 0,
  doses_created integer not null default 0,
  people_created integer not null default 0,
  status text not null default 'processing' check (status in ('processing', 'done', 'failed')),
  uploaded_by_account_id text not null,
  -- Who uploaded, as the server saw them (role, unit): a resumed job acts with the same reach and audit actor.
  actor jsonb not null,
  updated_at timestamptz not null default now(),
  -- A row's commune when the file names none.
  default_commune_code text,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  -- The same file from the same officer is the same import: re-importing it creates nothing new.
  unique (uploaded_by_account_id, kind, sha256)
);
create index vaccination_imports_running_idx on vaccination_imports (created_at) where status = 'processing';

-- Rows that need a person: the ones with errors (shown in the page and the error sheet) and the ones
-- whose person is ambiguous (the review list). Applied rows leave no row here: the dose names them.
create table vaccination_import_rows (
  import_id uuid not null references vaccination_imports (id) on delete cascade,
  row_number integer not null,
  status text not null check (status in ('error', 'review', 'resolved', 'rejected')),
  errors jsonb not null default '[]',
  -- The row as normalised, for the review (personal data: removed with the import).
  data jsonb,
  candidates uuid[] not null default '{}',
  person_id uuid,
  dose_id uuid,
  resolved_by_account_id text,
  resolved_at timestamptz,
  primary key (import_id, row_number)
);
create index vaccination_import_rows_review_idx on vaccination_import_rows (import_id) where status = 'review';

-- A dose written by an import names its file and row: the same row is never applied twice, even by a
-- job resumed after a crash between its batches.
alter table vaccination_doses add column import_id uuid references vaccination_imports (id);
alter table vaccination_doses add column import_row integer;
create unique index vaccination_doses_import_row_idx on vaccination_doses (import_id, import_row)
  where import_id is not null;
