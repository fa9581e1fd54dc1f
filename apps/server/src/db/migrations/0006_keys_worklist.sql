-- Signing keys for QR tokens and certificates (private keys encrypted at rest), revocation lists,
-- and the officers' worklist that several modules feed.
create table signing_keys (
  kid text not null,
  purpose text not null check (purpose in ('qr', 'dcc')),
  alg text not null,
  public_jwk jsonb not null,
  public_spki text not null,
  private_key_enc text not null,
  status text not null default 'active' check (status in ('active', 'retired')),
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  primary key (purpose, kid)
);
-- At most one active key per purpose; retired keys stay published so older codes still verify.
create unique index signing_keys_one_active on signing_keys (purpose) where status = 'active';

create table revocations (
  type text not null,
  id text not null,
  reason text,
  revoked_by text,
  revoked_at timestamptz not null default now(),
  primary key (type, id)
);
create index revocations_at_idx on revocations (revoked_at);

create table worklist_items (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  person_id uuid,
  commune_code text not null,
  district_code text,
  province_code text not null,
  title jsonb not null,
  priority text not null default 'normal' check (priority in ('normal', 'high')),
  source_type text not null,
  source_id text not null,
  data jsonb not null default '{}'::jsonb,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done')),
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  unique (kind, source_type, source_id)
);
create index worklist_commune_idx on worklist_items (commune_code, status, created_at desc);
create index worklist_district_idx on worklist_items (district_code, status, created_at desc);
create index worklist_province_idx on worklist_items (province_code, status, created_at desc);
