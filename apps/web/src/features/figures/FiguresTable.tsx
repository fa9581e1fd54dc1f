import { useTranslation } from 'react-i18next';
import type { FigureRow } from './types';

const bar = (fraction: number) => ({
  height: 6,
  marginTop: 2,
  borderRadius: 3,
  background: '#0b5394',
  width: `${Math.round(100 * fraction)}%`,
});

export interface UnitTotal {
  unitCode: string;
  unitName: string;
  /** Points registered by the last day of the range. */
  points: number;
  checkins: number;
  declarations: number;
}

/** Per unit over the range: check-ins and declarations summed, points as of the last day. */
export function totalsByUnit(rows: FigureRow[]): UnitTotal[] {
  const byUnit = new Map<string, UnitTotal & { lastDay: string }>();
  for (const r of rows) {
    const u = byUnit.get(r.unitCode) ?? { ...r, points: 0, checkins: 0, declarations: 0, lastDay: '' };
    u.checkins += r.checkins;
    u.declarations += r.declarations;
    if (r.day >= u.lastDay) {
      u.lastDay = r.day;
      u.points = r.points;
    }
    byUnit.set(r.unitCode, u);
  }
  return [...byUnit.values()].sort((a, b) => b.checkins - a.checkins || a.unitName.localeCompare(b.unitName));
}

/** A table with a CSS bar per row (check-ins), one row per unit; rows may open the level below. */
export function FiguresTable({ rows, onPick }: { rows: FigureRow[]; onPick?: (u: UnitTotal) => void }) {
  const { t } = useTranslation();
  const totals = totalsByUnit(rows);
  const max = Math.max(1, ...totals.map((u) => u.checkins));
  if (!totals.length) return <p>{t('figures.noData')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="figures-table">
        <thead>
          <tr>
            <th scope="col">{t('figures.unit')}</th>
            <th scope="col">{t('figures.points')}</th>
            <th scope="col">{t('figures.checkins')}</th>
            <th scope="col">{t('figures.declarations')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((u) => (
            <tr key={u.unitCode}>
              <th scope="row">
                {onPick ? (
                  <button type="button" className="btn-link" onClick={() => onPick(u)}>
                    {u.unitName}
                  </button>
                ) : (
                  u.unitName
                )}
              </th>
              <td>{u.points}</td>
              <td>
                {u.checkins}
                <div aria-hidden="true" style={bar(u.checkins / max)} />
              </td>
              <td>{u.declarations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Day by day sums over all units, as a small bar chart. */
export function DailyChart({ rows, from, to }: { rows: FigureRow[]; from: string; to: string }) {
  const { t } = useTranslation();
  const days = new Map<string, number>();
  // Every day of the range, so quiet days show as empty bars rather than vanish.
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    days.set(d.toISOString().slice(0, 10), 0);
  }
  for (const r of rows) days.set(r.day, (days.get(r.day) ?? 0) + r.checkins);
  const list = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  const max = Math.max(1, ...list.map(([, n]) => n));
  if (!rows.length) return null;
  return (
    <figure className="card" style={{ margin: '1rem 0' }} aria-label={t('figures.perDay')}>
      <figcaption>
        <strong>{t('figures.perDay')}</strong> · {t('figures.checkins')}
      </figcaption>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.map(([day, n]) => (
          <li
            key={day}
            style={{ display: 'grid', gridTemplateColumns: '3.5rem 1fr 3rem', gap: 8, alignItems: 'center' }}
          >
            <span>{day.slice(5)}</span>
            <div aria-hidden="true" style={bar(n / max)} />
            <span>{n}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
