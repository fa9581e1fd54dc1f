-- Issue #11 (hot-http): a named read view of scan's pending identities, for the lists of another module
-- that must show who a visit belongs to before the registry knows them (checkins' "who was at this
-- point": a visitor scanned by card, traced by the card's name). Owned by scan; only the name and the
-- birth year, never the card's numbers. A plain view: the planner inlines it.
create view pending_identity_brief as
  select id, full_name, birth_year from pending_identities;
