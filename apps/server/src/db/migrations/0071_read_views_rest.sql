-- Issue #9 (seams-rest): more named read views, where another module's SQL must join or count one
-- owner's rows in the same statement (a jurisdiction filter, a per-point roll-up, an officer's list).
-- Each is owned by the module of its table (docs/architecture.md, "Named read views"); the owner may
-- change its table behind it. Plain views: the planner inlines them (columns not asked for are never
-- read, so an index-only scan stays index-only, and a partitioned table is still pruned).

-- lab: a laboratory's name and place (sampling's sessions and shipments, accounts' facility check,
-- certificates' revocation reach).
create view lab_brief as
  select id, code, name, active, unit_structure, province_code, district_code, commune_code from labs;

-- lab: a released result of a person (results' lists, certificates' revocation, the officer's home
-- figures). `corrected`: the lab corrected that tube's result after release.
create view person_result_brief as
  select r.id, r.person_id, r.barcode, r.result, r.test_type, r.pooled, r.collected_at, r.released_at,
         r.lab_id, r.lab_name, r.certificate_id,
         exists (select 1 from lab_result_corrections k where k.barcode = r.barcode) as corrected
  from person_results r;

-- lab: the re-tests still pending (a positive pool's members). The lab creates and closes them from its
-- release and corrections; sampling only reads them to flag a member at sampling. Owned by the lab:
-- it alone decides a re-test is due and when it is done, and sampling may not import lab (lab imports
-- sampling), so a view is the seam, not a call.
create view retest_brief as
  select person_id, pool_barcode, created_at from retest_tasks where status = 'pending';

-- checkins: where and when a check-in happened (counts per area, per point, per person).
create view checkin_brief as
  select person_id, venue_id, server_time, unit_structure, province_code, district_code, commune_code
  from checkins;

-- declarations: a declaration made at a point, for the per-point daily roll-up.
create view declaration_brief as
  select venue_id, created_at from declarations;

-- keys: the revocations in force (a lifted one is not listed).
create view revocation_brief as
  select type, id, revoked_at, reason from revocations where reinstated_at is null;

-- venues: who acts for a point: its owner (phone null) and its staff list (by account or by phone).
create view venue_staff_brief as
  select id as venue_id, owner_account_id as account_id, null::text as phone from venues
   where owner_account_id is not null
  union all
  select venue_id, account_id, phone from venue_staff;

-- accounts: the person a citizen account is linked to (the printed-card audience is people without one).
create or replace view account_brief as
  select id, kind, username, display_name, person_id from accounts;

-- venues: a point's parent and registration time (figures count the points registered by day).
create or replace view venue_brief as
  select id, name, unit_structure, province_code, district_code, commune_code, parent_id, created_at from venues;
