-- Contact tracing, task tracing (issue #13 §2, §5). Owner: modules/tracing.

-- The people a case named in the investigation's "close contacts" answer, one row per line the answer
-- holds. A line matched to one registry person becomes a contact with evidence "named by the case";
-- a line matching nobody (or several people) waits here, pending, until an officer registers the person
-- or picks the right one. The name, phones and numbers are what the case said, kept for that officer
-- only (the case's area); a row goes with the case's tracing record (see core/retention.ts).
create table named_contacts (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null,
  -- A digest of the line's numbers and folded name: a re-saved answer finds the same row again.
  entry_key text not null,
  -- The line's place in the answer (the list reads in the order the case gave it).
  line_no int not null,
  full_name text,
  phones text[] not null default '{}',
  id_numbers text[] not null default '{}',
  status text not null check (status in ('matched', 'pending', 'ambiguous', 'registered')),
  person_id uuid references persons (id),
  -- Where the CASE lives: its officers complete the list.
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (case_id, entry_key)
);
create index named_contacts_commune_idx on named_contacts (commune_code, status);

-- The retention job deletes encounters by their time: without this it read the whole table.
create index proximity_encounters_at_idx on proximity_encounters (at);
