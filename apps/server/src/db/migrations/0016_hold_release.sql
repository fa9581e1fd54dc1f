-- A hold ended early is told apart from one that ran out: when and by whom it was released.
alter table checkin_holds add column released_at timestamptz, add column released_by_account_id uuid;
alter table declaration_holds add column released_at timestamptz, add column released_by_account_id uuid;
