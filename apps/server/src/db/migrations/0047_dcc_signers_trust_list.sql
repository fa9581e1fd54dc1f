-- vacccert (issue #12 §6): the DCC signing key's document-signer certificate (DSC), the country signing
-- CA (CSCA) that signs it, and the trust list of other issuers' document signers. Owner: keys.

-- base64 DER of the key's DSC; null for QR keys and for DCC keys made before this migration (their
-- kid stays SHA-256 over the public key, so certificates they signed still verify).
alter table signing_keys add column certificate text;
alter table signing_keys add column changed_at timestamptz not null default now();

create table dcc_cscas (
  id uuid primary key default gen_random_uuid(),
  certificate text not null,
  private_key_enc text not null,
  status text not null default 'active' check (status in ('active', 'retired')),
  created_at timestamptz not null default now()
);
create unique index dcc_cscas_one_active on dcc_cscas (status) where status = 'active';

-- Other issuers' document signers a national administrator imported. A removal keeps the row (who,
-- when), so the change feed carries it to every server's in-memory trust list.
create table dcc_trusted_signers (
  id uuid primary key default gen_random_uuid(),
  kid text not null,
  country text not null,
  certificate text not null,
  thumbprint text not null,
  alg text not null check (alg in ('ES256', 'PS256')),
  allowed_types text[] not null,
  subject text not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  source text not null,
  source_format text not null,
  imported_by_account_id uuid not null references accounts (id),
  -- The administrator's display name as it was, for the list (an official act, not personal data of a citizen).
  imported_by_name text not null,
  imported_at timestamptz not null default now(),
  removed_at timestamptz,
  removed_by_account_id uuid references accounts (id),
  changed_at timestamptz not null default now()
);
create unique index dcc_trusted_signers_in_force on dcc_trusted_signers (thumbprint) where removed_at is null;
create index dcc_trusted_signers_changed on dcc_trusted_signers (changed_at);
