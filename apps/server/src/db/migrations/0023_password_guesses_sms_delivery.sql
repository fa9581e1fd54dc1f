-- Password guesses are counted per account AND client address (keyed hash), so a stranger guessing
-- from elsewhere slows only themselves and can no longer lock a staff member out. Each guess is
-- counted before the password is checked; `next_allowed_at` grows with the failures.
create table password_guesses (
  account_id uuid not null references accounts (id) on delete cascade,
  ip_hash text not null,
  failures int not null default 0,
  next_allowed_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (account_id, ip_hash)
);
create index password_guesses_updated_idx on password_guesses (updated_at);

-- SMS gateways answer with their own message id, then report delivery later on a callback.
alter table outbox_messages add column provider_message_id text;
alter table outbox_messages add column delivery_status text
  check (delivery_status in ('accepted', 'delivered', 'undelivered'));
alter table outbox_messages add column delivery_updated_at timestamptz;
create unique index outbox_messages_provider_id_idx on outbox_messages (provider_message_id)
  where provider_message_id is not null;
