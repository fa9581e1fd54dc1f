-- Core's spreadsheet import (issue #9 §2): the column map each uploader chose for a kind of import
-- (sampling targets, lab results, vaccination doses, invitation lists), so a province's own layout is
-- mapped once. Holds header texts only, no personal data; kept while the account exists.
create table import_column_maps (
  account_id text not null,
  kind text not null,
  columns jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (account_id, kind)
);
