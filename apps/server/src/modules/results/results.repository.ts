import type { Queryable } from '../../core/db/db';
import { certificateDocument, revokedCertificates } from '../certificates';
import { personBriefs } from '../people';

/**
 * Released results are the lab's: read through its read views person_result_brief and retest_brief
 * (0071), certificates through the certificates module, the person through people's `personBriefs`
 * (issue #9: results named five other modules' tables).
 */

export interface PersonResultRow {
  id: string;
  person_id: string;
  barcode: string;
  result: 'positive' | 'negative' | 'invalid';
  test_type: 'rt_pcr' | 'rapid_antigen';
  pooled: boolean;
  collected_at: Date | null;
  released_at: Date;
  lab_name: string | null;
  certificate_id: string | null;
  certificate_revoked: boolean;
  corrected: boolean;
}

export async function resultsOfPeople(q: Queryable, personIds: string[]): Promise<PersonResultRow[]> {
  const rows = await q.query<Omit<PersonResultRow, 'certificate_revoked'>>(
    `select r.id, r.person_id, r.barcode, r.result, r.test_type, r.pooled, r.collected_at, r.released_at, r.lab_name,
       r.certificate_id, r.corrected
     from person_result_brief r where r.person_id = any($1::uuid[]) order by r.released_at desc limit 500`,
    [personIds],
  );
  const revoked = await revokedCertificates(
    q,
    rows.flatMap((r) => (r.certificate_id ? [r.certificate_id] : [])),
  );
  return rows.map((r) => ({
    ...r,
    certificate_revoked: !!r.certificate_id && revoked.has(r.certificate_id),
  }));
}

export async function pendingRetests(q: Queryable, personIds: string[]): Promise<Set<string>> {
  const rows = await q.query<{ person_id: string }>(
    `select distinct person_id from retest_brief where person_id = any($1::uuid[])`,
    [personIds],
  );
  return new Set(rows.map((r) => r.person_id));
}

export async function certificateOf(q: Queryable, personResultId: string) {
  const rows = await q.query<{
    person_id: string;
    certificate_id: string;
    result: 'positive' | 'negative';
    test_type: 'rt_pcr' | 'rapid_antigen';
    collected_at: Date | null;
    released_at: Date;
    lab_name: string | null;
  }>(
    `select r.person_id::text as person_id, r.certificate_id::text as certificate_id, r.result, r.test_type,
       r.collected_at, r.released_at, r.lab_name
     from person_result_brief r where r.id = $1 and r.certificate_id is not null`,
    [personResultId],
  );
  const r = rows[0];
  if (!r) return undefined;
  const c = await certificateDocument(q, r.certificate_id);
  const p = (await personBriefs(q, [r.person_id])).get(r.person_id);
  if (!c || !p) return undefined;
  return {
    person_id: r.person_id,
    hc1: c.hc1,
    uvci: c.uvci,
    expires_at: c.expires_at,
    result: r.result,
    test_type: r.test_type,
    collected_at: r.collected_at,
    released_at: r.released_at,
    lab_name: r.lab_name,
    full_name: p.fullName,
    birth: p.birthDate ?? String(p.birthYear),
  };
}
