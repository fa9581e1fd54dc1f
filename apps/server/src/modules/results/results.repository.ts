import type { Queryable } from '../../core/db/db';

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
  return q.query<PersonResultRow>(
    `select r.id, r.person_id, r.barcode, r.result, r.test_type, r.pooled, r.collected_at, r.released_at, r.lab_name,
       r.certificate_id, exists (
         select 1 from test_certificates c join revocations v on v.type = 'DCC' and v.id = c.uvci
         where c.id = r.certificate_id and v.reinstated_at is null) as certificate_revoked,
       exists (select 1 from lab_result_corrections k where k.barcode = r.barcode) as corrected
     from person_results r where r.person_id = any($1::uuid[]) order by r.released_at desc limit 500`,
    [personIds],
  );
}

export async function pendingRetests(q: Queryable, personIds: string[]): Promise<Set<string>> {
  const rows = await q.query<{ person_id: string }>(
    `select distinct person_id from retest_tasks where person_id = any($1::uuid[]) and status = 'pending'`,
    [personIds],
  );
  return new Set(rows.map((r) => r.person_id));
}

export async function certificateOf(q: Queryable, personResultId: string) {
  const rows = await q.query<{
    person_id: string;
    hc1: string;
    uvci: string;
    expires_at: Date;
    result: 'positive' | 'negative';
    test_type: 'rt_pcr' | 'rapid_antigen';
    collected_at: Date | null;
    released_at: Date;
    lab_name: string | null;
    full_name: string;
    birth: string;
  }>(
    `select r.person_id, c.hc1, c.uvci, c.expires_at, r.result, r.test_type, r.collected_at, r.released_at, r.lab_name,
       p.full_name, coalesce(p.birth_date::text, p.birth_year::text) as birth
     from person_results r join test_certificates c on c.id = r.certificate_id join persons p on p.id = r.person_id
     where r.id = $1`,
    [personResultId],
  );
  return rows[0];
}
