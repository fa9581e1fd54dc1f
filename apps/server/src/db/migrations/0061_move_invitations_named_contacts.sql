-- Invitations (0056) and a case's named contacts (0059) name the person's unit like every record the
-- move carries to the 2025 map: they keep the old path they came from.
alter table vaccination_invitations add column moved_from_unit text;
alter table named_contacts add column moved_from_unit text;
