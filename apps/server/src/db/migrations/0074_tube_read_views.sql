-- Issue #11 (hot-verify): named read views of sampling's tubes, for the lab module's SQL (the upload's
-- tube checks, entry queue, release, certificates and testing figures join a tube to its result). Owned
-- by sampling (docs/architecture.md); they show what the lab needs of a tube and its members, and sampling
-- may change its tables behind them. Plain views: the planner inlines them, so the upload's lookup stays
-- primary-key lookups.
create view tube_brief as
  select barcode, status, lab_id, test_type, pooled, session_id, collected_at, unit_structure, province_code,
         district_code, commune_code
  from tubes;
create view tube_member_brief as
  select barcode, person_id, position, collected_at from tube_members;
