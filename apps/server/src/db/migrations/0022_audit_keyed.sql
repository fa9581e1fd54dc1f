-- The audit chain becomes keyed (issue #8 item 7). With database access alone one could delete the
-- newest entries, rewrite an entry and recompute the unkeyed hashes after it, renumber after a
-- deletion, or insert a back-dated entry that the sealer then chained. Now:
--  * `mac`: the application's HMAC of each entry's content, made when it writes the entry with a key
--    the database never holds; the sealer chains only entries whose MAC verifies.
--  * `rejected`: why the sealer refused to chain an entry (no valid MAC); kept as evidence.
--  * links made from here on are HMACs too (entries sealed before keep their unkeyed hash), and
--    signed chain heads are published outside the database.
alter table audit_log add column mac text;
alter table audit_log add column rejected text;

-- Every entry written from now on carries a MAC (the rows already here predate it: not validated).
alter table audit_log add constraint audit_log_mac_present check (mac is not null or rejected is not null) not valid;

drop index audit_log_unsealed_idx;
create index audit_log_unsealed_idx on audit_log (id) where hash is null and rejected is null;
create index audit_log_rejected_idx on audit_log (id) where rejected is not null;

-- Still append-only: the updates allowed are sealing an unsealed entry or rejecting it, changing
-- nothing else.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.hash is null and old.rejected is null
     and (to_jsonb(new) - 'hash' - 'prev_hash' - 'seal_seq' - 'rejected')
       = (to_jsonb(old) - 'hash' - 'prev_hash' - 'seal_seq' - 'rejected')
     and (
       (new.hash is not null and new.prev_hash is not null and new.seal_seq is not null and new.rejected is null)
       or (new.rejected is not null and new.hash is null and new.prev_hash is null and new.seal_seq is null)
     )
  then
    return new;
  end if;
  raise exception 'audit_log is append-only';
end $$;
