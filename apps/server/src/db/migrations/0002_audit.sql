-- Append-only, hash-chained audit of every read and write of a person's data.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  actor_account_id text,
  actor_role text,
  actor_unit text,
  action text not null,
  person_id uuid,
  ip text,
  request_id text,
  reason text,
  break_glass boolean not null default false,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_person_idx on audit_log (person_id, id);
create index audit_log_actor_idx on audit_log (actor_account_id, id);
create index audit_log_at_idx on audit_log (at);
create index audit_log_break_glass_idx on audit_log (id) where break_glass;

-- Append-only: updates and deletes are refused by the database itself.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
