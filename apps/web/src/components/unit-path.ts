import { api } from '../api/client';
import type { Unit, UnitDetail } from '../api/types';

// Names of districts and provinces, fetched once per code for this page load: a search shows ten
// communes, and most share a handful of districts.
const cache = new Map<string, Promise<Unit[]>>();

/** The units above `u`, province first (a commune: its province and district). */
function ancestorsOf(u: Unit): Promise<Unit[]> {
  const parent = u.level === 3 ? u.districtCode : u.level === 2 ? u.provinceCode : null;
  if (!parent) return Promise.resolve([]);
  let p = cache.get(parent);
  if (!p) {
    p = api
      .get<UnitDetail>(`/api/units/${encodeURIComponent(parent)}`)
      .then((d) => [...d.ancestors, d.unit].sort((a, b) => a.level - b.level))
      .catch(() => {
        cache.delete(parent);
        return [];
      });
    cache.set(parent, p);
  }
  return p;
}

/** Each unit with its ancestors (province first), so homonymous communes can be told apart. */
export async function withAncestors(units: Unit[]): Promise<{ unit: Unit; ancestors: Unit[] }[]> {
  return Promise.all(units.map(async (unit) => ({ unit, ancestors: await ancestorsOf(unit) })));
}
