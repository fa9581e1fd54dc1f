import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { CoverageFigures, CoverageStructure } from './types';

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '—');

/**
 * Vaccination coverage of the officer's area (a province, district or commune, or the nation for
 * national accounts): by age band over the registry's population, the census figure, priority groups,
 * the units within (tap one to go down) and adverse events. Rows wrap at 360 px; numbers stay legible.
 */
export default function CoveragePage() {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<CoverageFigures | null>(null);
  const [unitCode, setUnitCode] = useState('');
  const [structure, setStructure] = useState<CoverageStructure | ''>('');
  const [error, setError] = useState<unknown>(null);

  const load = useCallback((code: string, map: CoverageStructure | '') => {
    setError(null);
    const query: Record<string, string> = {};
    if (code) query.unitCode = code;
    if (map) query.structure = map;
    api.get<CoverageFigures>('/api/vaccination/coverage', query).then(setFigures).catch(setError);
  }, []);
  useEffect(() => load('', ''), [load]);

  function submit(e: FormEvent) {
    e.preventDefault();
    load(unitCode.trim(), structure);
  }

  return (
    <section className="narrow">
      <h1>{t('vaccinationSite.figures.title')}</h1>
      <form onSubmit={submit}>
        <label>
          {t('vaccinationSite.figures.unit')}
          <input
            name="unitCode"
            value={unitCode}
            onChange={(e) => setUnitCode(e.target.value)}
            inputMode="numeric"
          />
        </label>
        <label>
          {t('vaccinationSite.figures.structure')}
          <select
            name="structure"
            value={structure}
            onChange={(e) => setStructure(e.target.value as CoverageStructure | '')}
          >
            <option value="">—</option>
            <option value="pre2025">{t('vaccinationSite.figures.structures.pre2025')}</option>
            <option value="2025">{t('vaccinationSite.figures.structures.2025')}</option>
          </select>
        </label>
        <button className="btn" type="submit">
          {t('vaccinationSite.figures.show')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {figures && (
        <div data-testid="coverage">
          <h2>{figures.unit ? figures.unit.name : t('vaccinationSite.figures.nation')}</h2>
          <p>{t(`vaccinationSite.figures.structures.${figures.structure}`)}</p>
          {figures.census !== null && (
            <p>{t('vaccinationSite.figures.census', { n: figures.census.toLocaleString('vi-VN') })}</p>
          )}
          <ul className="list" data-testid="coverage-bands">
            {figures.bands.map((b) => (
              <li key={b.band} className="card">
                <strong>{t(`vaccinationSite.figures.bands.${b.band}`, { defaultValue: b.band })}</strong>
                <div>
                  {t('vaccinationSite.figures.population')}:{' '}
                  {b.population
                    ? b.population.toLocaleString('vi-VN')
                    : t('vaccinationSite.figures.noPopulation')}
                </div>
                <div>
                  {t('vaccinationSite.figures.atLeastOne')}: {b.atLeastOne} ({pct(b.atLeastOne, b.population)}
                  )
                </div>
                <div>
                  {t('vaccinationSite.figures.fullPrimary')}: {b.fullPrimary} (
                  {pct(b.fullPrimary, b.population)})
                </div>
                <div>
                  {t('vaccinationSite.figures.booster')}: {b.booster} ({pct(b.booster, b.population)})
                </div>
              </li>
            ))}
          </ul>
          {figures.priorityGroups.length > 0 && (
            <>
              <h3>{t('vaccinationSite.figures.groups')}</h3>
              <ul>
                {figures.priorityGroups.map((g) => (
                  <li key={g.group}>
                    {g.group}: {g.atLeastOne} · {g.fullPrimary} · {g.booster}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{t('vaccinationSite.figures.aefi', figures.adverseEvents)}</p>
          {figures.children.length > 0 && (
            <>
              <h3>{t('vaccinationSite.figures.children')}</h3>
              <ul data-testid="coverage-children">
                {figures.children
                  .filter((c) => c.atLeastOne > 0 || c.population > 0)
                  .map((c) => (
                    <li key={c.code}>
                      <button
                        className="btn secondary"
                        type="button"
                        onClick={() => {
                          setUnitCode(c.code);
                          load(c.code, figures.structure);
                        }}
                      >
                        {c.name}
                      </button>{' '}
                      {t('vaccinationSite.figures.atLeastOne')} {c.atLeastOne} ·{' '}
                      {t('vaccinationSite.figures.fullPrimary')} {c.fullPrimary} ·{' '}
                      {t('vaccinationSite.figures.booster')} {c.booster}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
