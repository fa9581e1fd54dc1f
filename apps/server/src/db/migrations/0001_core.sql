-- Extensions and shared infrastructure: idempotency keys and the domain-event outbox.
create extension if not exists pg_trgm;

-- Requests retried with the same Idempotency-Key get the first answer back, never a second write.
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  status_code int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
