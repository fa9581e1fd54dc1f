import type { Queryable } from '../../core/db/db';

/** A released result of one person, as other modules read it (cases: confirmation, investigation, release). */
export interface ReleasedResult {
  barcode: string;
  result: 'positive' | 'negative' | 'invalid';
  testType: 'rt_pcr' | 'rapid_antigen';
  pooled: boolean;
  collectedAt: Date | null;
  releasedAt: Date;
  labId: string | null;
  labName: string | null;
}

const COLUMNS = `barcode, result, test_type as "testType", pooled, collected_at as "collectedAt",
  released_at as "releasedAt", lab_id::text as "labId", lab_name as "labName"`;

/** The person's released result for one tube as it stands now (after any correction), if any. */
export async function releasedResultOf(
  q: Queryable,
  personId: string,
  barcode: string,
): Promise<ReleasedResult | undefined> {
  const rows = await q.query<ReleasedResult>(
    `select ${COLUMNS} from person_results where person_id = $1 and barcode = $2`,
    [personId, barcode],
  );
  return rows[0];
}

/**
 * Released results of many (person, tube) pairs at once, as they stand now: an event handler's batch.
 * Keyed `personId|barcode`; pairs without a released result are absent.
 */
export async function releasedResultsOf(
  q: Queryable,
  pairs: readonly { personId: string; barcode: string }[],
): Promise<Map<string, ReleasedResult & { personId: string }>> {
  if (!pairs.length) return new Map();
  const rows = await q.query<ReleasedResult & { personId: string }>(
    `select person_id::text as "personId", ${COLUMNS} from person_results
     where (person_id, barcode) in (select * from unnest($1::uuid[], $2::text[]))`,
    [pairs.map((p) => p.personId), pairs.map((p) => p.barcode)],
  );
  return new Map(rows.map((r) => [`${r.personId}|${r.barcode}`, r]));
}

/** The person's released results since `since`, newest first (at most 50). */
export async function releasedResultsSince(
  q: Queryable,
  personId: string,
  since: Date,
): Promise<ReleasedResult[]> {
  return q.query<ReleasedResult>(
    `select ${COLUMNS} from person_results where person_id = $1 and released_at >= $2
     order by released_at desc limit 50`,
    [personId, since],
  );
}
