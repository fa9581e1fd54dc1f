-- Audit entries are appended without a lock and sealed into the hash chain shortly after by a
-- sealer (one at a time, in the order it finds committed entries). Before: every audited
-- transaction took one global lock and three round trips to chain its entry, so audited writes of
-- the whole country were serialised. Chain order is now seal_seq, not id.
alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;
alter table audit_log add column seal_seq bigint unique;

alter table audit_log disable trigger audit_log_no_update;
update audit_log set seal_seq = id;
alter table audit_log enable trigger audit_log_no_update;

create index audit_log_unsealed_idx on audit_log (id) where hash is null;

-- Still append-only: the one update allowed is sealing an unsealed entry, changing nothing else.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.hash is null and new.hash is not null and new.prev_hash is not null
     and new.seal_seq is not null
     and (to_jsonb(new) - 'hash' - 'prev_hash' - 'seal_seq') = (to_jsonb(old) - 'hash' - 'prev_hash' - 'seal_seq')
  then
    return new;
  end if;
  raise exception 'audit_log is append-only';
end $$;
