-- Accounts, sessions, API tokens, one-time codes, the message outbox and the domain-event outbox.
create table accounts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('staff', 'citizen', 'machine')),
  username text,
  -- Citizens are keyed by their normalised mobile number (+84…).
  phone text,
  display_name text not null,
  role text not null,
  unit_code text,
  facility_id text,
  person_id uuid,
  password_hash text,
  totp_secret text,
  totp_enabled boolean not null default false,
  disabled boolean not null default false,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind = 'citizen' or username is not null),
  check (kind <> 'citizen' or phone is not null)
);
create unique index accounts_username_uq on accounts (lower(username)) where username is not null;
create unique index accounts_citizen_phone_uq on accounts (phone) where kind = 'citizen';
create index accounts_unit_idx on accounts (unit_code);

-- Only a SHA-256 hash of each session token is stored: a leaked table opens no session.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account_idx on sessions (account_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_account_idx on api_tokens (account_id);

-- Citizen sign-in codes: keyed hashes of the phone, the code and the requesting IP, never the values.
create table otp_codes (
  id uuid primary key default gen_random_uuid(),
  phone_hash text not null,
  ip_hash text,
  code_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts int not null default 0,
  consumed_at timestamptz
);
create index otp_codes_phone_idx on otp_codes (phone_hash, created_at);
create index otp_codes_ip_idx on otp_codes (ip_hash, created_at);

-- Messages (SMS, notices) written in the same transaction as the change that causes them.
create table outbox_messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms', 'notice')),
  recipient text not null,
  subject text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_messages_pending_idx on outbox_messages (created_at) where status = 'pending';
create index outbox_messages_created_idx on outbox_messages (created_at);

-- Domain events, written in the transaction of the change; handlers run at least once and record
-- what they handled, so each handler's effect commits exactly once.
create table domain_events (
  id bigserial primary key,
  type text not null,
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts int not null default 0,
  last_error text
);
create index domain_events_pending_idx on domain_events (id) where processed_at is null;

create table domain_event_handlings (
  event_id bigint not null references domain_events (id) on delete cascade,
  handler text not null,
  handled_at timestamptz not null default now(),
  primary key (event_id, handler)
);
