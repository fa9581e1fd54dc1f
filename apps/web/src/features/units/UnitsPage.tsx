import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Unit, UnitDetail } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatNumber } from '../../components/format';
import { unitLabel } from '../../components/UnitPicker';

const LEVELS = { 1: 'province', 2: 'district', 3: 'commune' } as const;

/**
 * Provinces by default; `?code=` drills into a unit's children with a breadcrumb of its ancestors;
 * the search box asks the API, which ignores diacritics ("phuc xa" finds "Phúc Xá").
 */
export default function UnitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const [q, setQ] = useState('');
  const [detail, setDetail] = useState<UnitDetail | null>(null);
  const [items, setItems] = useState<Unit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const term = q.trim();
    const fail = (e: unknown) => current && setError(e);
    setError(null);
    const timer = setTimeout(
      () => {
        if (term.length >= 2) {
          setDetail(null);
          api
            .get<{ items: Unit[] }>('/api/units', { q: term, limit: 50 })
            .then((r) => current && setItems(r.items))
            .catch(fail);
        } else if (code) {
          Promise.all([
            api.get<UnitDetail>(`/api/units/${encodeURIComponent(code)}`),
            api.get<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children`),
          ])
            .then(([d, c]) => {
              if (!current) return;
              setDetail(d);
              setItems(c.items);
            })
            .catch(fail);
        } else {
          setDetail(null);
          api
            .get<{ items: Unit[] }>('/api/units', { level: 1, limit: 100 })
            .then((r) => current && setItems(r.items))
            .catch(fail);
        }
      },
      term ? 250 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, code]);

  const open = (u: Unit) => {
    setQ('');
    setParams({ code: u.code });
  };

  return (
    <section>
      <h1>{t('units.title')}</h1>
      <div className="field">
        <label htmlFor="unit-search">{t('units.search')}</label>
        <input id="unit-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ErrorBanner error={error} />
      {!q.trim() && (
        <nav className="breadcrumb" aria-label={t('units.breadcrumb')}>
          <ol>
            <li>
              <Link to="/units">{t('units.allProvinces')}</Link>
            </li>
            {detail?.ancestors.map((a) => (
              <li key={a.code}>
                <Link to={`/units?code=${a.code}`}>{unitLabel(a)}</Link>
              </li>
            ))}
            {detail && <li aria-current="page">{unitLabel(detail.unit)}</li>}
          </ol>
        </nav>
      )}
      {detail?.unit.population != null && (
        <p>
          {t('units.population')}: {formatNumber(detail.unit.population)}
        </p>
      )}
      <h2>{q.trim() ? t('people.results') : detail ? t('units.children') : t('units.provinces')}</h2>
      {items?.length === 0 && <p>{t('common.noResults')}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('units.code')}</th>
              <th scope="col">{t('units.title')}</th>
              <th scope="col">{t('units.population')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((u) => (
              <tr key={u.code}>
                <td>{u.code}</td>
                <td>
                  {u.level < 3 ? (
                    <button type="button" className="btn-link" onClick={() => open(u)}>
                      {unitLabel(u)}
                    </button>
                  ) : (
                    unitLabel(u)
                  )}
                  {q.trim() && <div className="hint">{t(`units.levels.${LEVELS[u.level]}`)}</div>}
                </td>
                <td>{u.population != null ? formatNumber(u.population) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
