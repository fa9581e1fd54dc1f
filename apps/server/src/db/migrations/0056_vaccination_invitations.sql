-- Vaccination invitations and reminders (issue #12 §2, task invite).
-- No foreign keys to other modules' tables (persons, accounts): plain columns keep migrations independent.

-- A person's priority group for a disease's programme (one at a time): from an invitation list's
-- column or set by an officer. The coverage figures count people by it (vaccination_coverage.priority_group).
create table vaccination_priority_members (
  person_id uuid not null,
  disease text not null,
  group_code text not null,
  source text not null check (source in ('officer', 'import')),
  set_by_account_id text,
  updated_at timestamptz not null default now(),
  primary key (person_id, disease)
);
create index vaccination_priority_members_group_idx on vaccination_priority_members (disease, group_code);

-- One invitation per person and campaign: re-inviting or re-importing the same person sends nothing twice.
-- Booked and came are read from the person's bookings in the campaign's slots, never copied here.
create table vaccination_invitations (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references vaccination_campaigns (id),
  site_id uuid not null references vaccination_sites (id),
  person_id uuid not null,
  priority_group text not null default '',
  -- 'sms': a message is in the outbox; 'none': no phone on record (the commune calls or visits).
  channel text not null check (channel in ('sms', 'none')),
  message_id uuid,
  source text not null check (source in ('selection', 'import')),
  import_id uuid,
  invited_by_account_id text not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025',
  created_at timestamptz not null default now(),
  unique (campaign_id, person_id)
);
create index vaccination_invitations_campaign_idx on vaccination_invitations (campaign_id, created_at);
create index vaccination_invitations_person_idx on vaccination_invitations (person_id);

-- A reminder the day before a booked slot, once per booking: the job inserts here and queues the
-- message in the same transaction, so a second run (or a second server) finds it done.
create table vaccination_booking_reminders (
  booking_id uuid primary key references vaccination_bookings (id),
  channel text not null check (channel in ('sms', 'none')),
  sent_at timestamptz not null default now()
);
