import type { CorrectionCandidateT } from '@phongdich/contracts/vaccination-corrections';
import type { Queryable } from '../../core/db/db';
import type { CandidateQuery } from './vaccination.corrections.candidates';
import { findPerson } from './vaccination.deps';

/**
 * The bulk import's rows a correction's reviewer may compare with (issue #12 §5): rows of the dose's
 * day still waiting for a person, either ambiguous with this person among their candidates, or (ambiguous
 * or not found) naming the person's own commune. The reviewer was allowed the person, so the person's
 * commune bounds what they see; rows of other communes never show. Same product first.
 */
export async function importCorrectionCandidates(
  q: Queryable,
  query: CandidateQuery,
): Promise<CorrectionCandidateT[]> {
  const person = await findPerson(q, query.personId);
  if (!person) return [];
  const rows = await q.query<{
    import_id: string;
    row_number: number;
    status: 'review' | 'error';
    full_name: string | null;
    birth_year: number | null;
    product_mp: string | null;
    date: string;
    lot: string | null;
  }>(
    `select r.import_id::text, r.row_number, r.status, r.data->>'fullName' as full_name,
       (r.data->>'birthYear')::int as birth_year, r.data->>'productMp' as product_mp, r.data->>'date' as date,
       r.data->>'lot' as lot
     from vaccination_import_rows r
     where r.status in ('review', 'error') and r.data is not null and r.data->>'date' = $2
       and ($1::uuid = any(r.candidates) or r.data->>'communeCode' = $3)
     order by (r.data->>'productMp' = $4) desc, ($1::uuid = any(r.candidates)) desc, r.import_id, r.row_number
     limit 10`,
    [query.personId, query.doseDate, person.commune_code, query.productMp],
  );
  return rows.map((r) => ({
    source: 'import',
    id: `${r.import_id}:${r.row_number}`,
    productMp: r.product_mp,
    date: r.date,
    siteName: null,
    // What the reviewer compares: the name and birth year as the list had them, and why it waits.
    detail: [
      `${r.status === 'review' ? 'Cần chọn người / Ambiguous' : 'Không tìm thấy người / Not matched'}`,
      `dòng / row ${r.row_number}`,
      r.full_name,
      r.birth_year,
      r.lot ? `lô / lot ${r.lot}` : null,
    ]
      .filter((x) => x !== null && x !== '')
      .join(' · '),
  }));
}
