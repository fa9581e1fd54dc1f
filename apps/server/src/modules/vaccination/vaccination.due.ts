import type { DuePage } from '@phongdich/contracts/vaccination';
import type { Queryable } from '../../core/db/db';
import type { SiteRow } from './vaccination.reach';

const DISEASE = 'covid-19';

/**
 * Who in the site's commune is due for a next dose by `date`, a page at a time, earliest first. One
 * range scan of `vaccination_next_due_area_idx` (kept by the dose handler), never every person's
 * schedule computed in JS. The cursor is the last row's (due_from, person_id).
 */
export async function duePage(
  q: Queryable,
  site: SiteRow,
  date: string,
  opts: { after?: string; limit?: number } = {},
): Promise<DuePage> {
  const limit = opts.limit ?? 50;
  const [afterDay, afterId] = opts.after ? opts.after.split('_') : [null, null];
  const rows = await q.query<{
    person_id: string;
    full_name: string;
    birth_year: number;
    dose_number: number;
    kind: string;
    product_mp: string;
    due_from: string;
  }>(
    `select n.person_id::text, p.full_name, p.birth_year, n.dose_number, n.kind, n.product_mp, n.due_from::text
     from vaccination_next_due n join person_brief p on p.id = n.person_id
     where n.unit_structure = $1 and n.commune_code = $2 and n.disease = $3 and n.due_from <= $4::date
       and ($5::date is null or (n.due_from, n.person_id) > ($5::date, $6::uuid))
     order by n.due_from, n.person_id limit $7`,
    [site.unit_structure, site.commune_code, DISEASE, date, afterDay, afterId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      personId: r.person_id,
      fullName: r.full_name,
      birthYear: r.birth_year,
      doseNumber: r.dose_number,
      kind: r.kind,
      productMp: r.product_mp,
      dueFrom: r.due_from,
    })),
    next: rows.length > limit && last ? `${last.due_from}_${last.person_id}` : null,
  };
}
