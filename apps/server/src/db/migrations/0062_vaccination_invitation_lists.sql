-- An invitation list's refused rows (issue #12 §2, task vacc12): what its uploader downloads as the
-- error sheet. Only the refused rows' cells as uploaded (no more than the file had: nothing from the
-- registry is added) and their errors; the matched rows and the file are not kept. Personal data
-- needed only to fix the list: deleted 7 days after the upload (vaccination.invitations.lists.ts).
-- No unit columns: the site names the area (its reach is checked on the site).
create table vaccination_invitation_lists (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references vaccination_campaigns (id),
  site_id uuid not null references vaccination_sites (id),
  uploaded_by_account_id text not null,
  format text not null check (format in ('csv', 'xlsx')),
  -- the header row's cells as uploaded
  header jsonb not null,
  -- [{ row, cells, errors: [{ field, code, message: { vi, en } }] }]
  refused jsonb not null,
  rows_total integer not null,
  matched integer not null,
  created_at timestamptz not null default now()
);
create index vaccination_invitation_lists_created_idx on vaccination_invitation_lists (created_at);
