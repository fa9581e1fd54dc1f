-- The commune officer's list of identity claims (issue #8) reads claims only, not the whole history.
create index person_history_identity_claims_idx on person_history (person_id, id)
  where kind = 'identity_claim';
