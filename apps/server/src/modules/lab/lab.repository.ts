import type { Queryable } from '../../core/db/db';
import type { CtValues, LabResultValue } from './lab.types';

export interface TubeRow {
  barcode: string;
  status: string;
  lab_id: string | null;
  test_type: 'rt_pcr' | 'rapid_antigen';
  pooled: boolean;
}
export interface StoredResult {
  barcode: string;
  result: LabResultValue;
  ct_values: CtValues | null;
  kit: string | null;
  status: 'entered' | 'released';
}

/**
 * Tubes (sampling's tube_brief view) with their stored results for a set of barcodes, in one round trip.
 * No row locks: tubes never go back to an earlier state, and the upsert itself refuses to overwrite a
 * released result. The lateral `offset 0` keeps it to a primary-key lookup per barcode whatever the
 * planner believes of the table: `barcode = any($1)` was planned as a sequential scan of all tubes
 * while the statistics lagged the day's new tubes (as they do in a mass-testing day), and its time grew
 * with the table — 36 ms for 5,000 barcodes at 50,000 tubes, 115 ms at 250,000, against a steady
 * ~50 ms for this form (lab-upload bench rounds, PostgreSQL).
 */
export async function tubesWithResults(
  q: Queryable,
  barcodes: string[],
): Promise<{ tubes: Map<string, TubeRow>; results: Map<string, StoredResult> }> {
  const rows = await q.query<
    TubeRow & {
      result: LabResultValue | null;
      ct_values: CtValues | null;
      kit: string | null;
      result_status: StoredResult['status'] | null;
    }
  >(
    `select t.barcode, t.status, t.lab_id::text as lab_id, t.test_type, t.pooled,
       r.result, r.ct_values, r.kit, r.status as result_status
     from unnest($1::text[]) as b(barcode)
     join lateral (select * from tube_brief t where t.barcode = b.barcode offset 0) t on true
     left join lateral (select * from lab_results r where r.barcode = b.barcode offset 0) r on true`,
    [barcodes],
  );
  const tubes = new Map<string, TubeRow>();
  const results = new Map<string, StoredResult>();
  for (const r of rows) {
    tubes.set(r.barcode, {
      barcode: r.barcode,
      status: r.status,
      lab_id: r.lab_id,
      test_type: r.test_type,
      pooled: r.pooled,
    });
    if (r.result && r.result_status)
      results.set(r.barcode, {
        barcode: r.barcode,
        result: r.result,
        ct_values: r.ct_values,
        kit: r.kit,
        status: r.result_status,
      });
  }
  return { tubes, results };
}

export interface ResultWrite {
  barcode: string;
  result: LabResultValue;
  ct: CtValues | null;
  kit: string | null;
}

/** Writes entered results in one statement; released ones are never overwritten. */
export async function upsertResults(
  q: Queryable,
  labId: string,
  by: string,
  uploadId: string | null,
  rows: ResultWrite[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into lab_results (barcode, lab_id, result, ct_values, kit, entered_by, upload_id)
     select u.b, $1::uuid, u.r, u.c::jsonb, u.k, $2, $3::uuid
     from unnest($4::text[], $5::text[], $6::text[], $7::text[]) as u(b, r, c, k)
     on conflict (barcode) do update set result = excluded.result, ct_values = excluded.ct_values,
       kit = excluded.kit, entered_by = excluded.entered_by, entered_at = now(), upload_id = excluded.upload_id
     where lab_results.status = 'entered'`,
    [
      labId,
      by,
      uploadId,
      rows.map((r) => r.barcode),
      rows.map((r) => r.result),
      rows.map((r) => (r.ct ? JSON.stringify(r.ct) : null)),
      rows.map((r) => r.kit),
    ],
  );
}

export async function entryQueue(q: Queryable, labId: string, limit = 500) {
  return q.query<{
    barcode: string;
    result: LabResultValue;
    ct_values: CtValues | null;
    kit: string | null;
    entered_at: Date;
    test_type: string;
    pooled: boolean;
    members: number;
  }>(
    `select r.barcode, r.result, r.ct_values, r.kit, r.entered_at, t.test_type, t.pooled,
       (select count(*) from tube_member_brief m where m.barcode = r.barcode)::int as members
     from lab_results r join tube_brief t on t.barcode = r.barcode
     where r.lab_id = $1::uuid and r.status = 'entered' order by r.entered_at limit $2`,
    [labId, limit],
  );
}
