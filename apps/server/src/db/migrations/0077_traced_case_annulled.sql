-- A case annulled by a result correction was never a case (issue #13, tracing.withdraw.ts): tracing's
-- record of it is kept (the cluster page's history) but marked, so cluster detection no longer counts
-- it. Owner: modules/tracing.
alter table traced_cases add column annulled_at timestamptz;
