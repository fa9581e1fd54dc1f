-- Personal QR codes: the opaque ids carried by the app's personal code ('P') and printed cards ('C').
-- No foreign keys to other modules' tables (migrations stay independent); person_id is a plain uuid.
create table qr_card_batches (
  id uuid primary key default gen_random_uuid(),
  commune_code text not null,
  district_code text,
  province_code text not null,
  created_by_account_id text,
  card_count int not null default 0,
  created_at timestamptz not null default now()
);
create index qr_card_batches_commune_idx on qr_card_batches (commune_code, created_at desc);

create table personal_qr_tokens (
  id text primary key,
  person_id uuid not null,
  type text not null check (type in ('P', 'C')),
  issued_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  batch_id uuid
);
-- One current app code per person, reused until revoked (the code is re-signed with a fresh expiry).
create unique index personal_qr_tokens_one_app_code on personal_qr_tokens (person_id)
  where type = 'P' and revoked_at is null;
create index personal_qr_tokens_person_idx on personal_qr_tokens (person_id);
create index personal_qr_tokens_batch_idx on personal_qr_tokens (batch_id) where batch_id is not null;
