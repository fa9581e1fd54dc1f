import type { StatusSource } from '../status';

/**
 * Test facts for the QR colour: released individual results (a positive pool is not a diagnosis)
 * and pending re-tests of positive pools, which the rule set shows as awaiting a result (yellow).
 */
export const labStatusSource: StatusSource = {
  name: 'lab',
  async facts(q, personId, now) {
    const results = await q.query<{ result: string; at: Date; barcode: string }>(
      `select result, coalesce(collected_at, released_at) as at, barcode from person_results
       where person_id = $1 and result <> 'invalid' and not (pooled and result = 'positive')
         and released_at <= $2 and released_at > $2::timestamptz - interval '30 days'`,
      [personId, now],
    );
    const retests = await q.query<{ created_at: Date; pool_barcode: string }>(
      `select created_at, pool_barcode from retest_tasks where person_id = $1 and status = 'pending'`,
      [personId],
    );
    return [
      ...results.map((r) => ({
        source: 'test',
        kind: r.result === 'positive' ? 'test_positive' : 'test_negative',
        at: r.at.toISOString(),
        data: { barcode: r.barcode },
      })),
      ...retests.map((r) => ({
        source: 'test',
        kind: 'test_pending',
        at: r.created_at.toISOString(),
        data: { retestPending: true, poolBarcode: r.pool_barcode },
      })),
    ];
  },
};
