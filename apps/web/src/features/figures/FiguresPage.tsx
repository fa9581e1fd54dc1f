import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DailyChart, FiguresTable, type UnitTotal } from './FiguresTable';
import type { FigureLevel, FiguresResult } from './types';

const BELOW: Record<FigureLevel, FigureLevel | null> = {
  province: 'district',
  district: 'commune',
  commune: 'venue',
  venue: null,
};
const LEVEL_OF_UNIT: Record<number, FigureLevel> = { 2: 'district', 3: 'commune', 5: 'venue' };

interface Step {
  level: FigureLevel;
  unitCode: string | null;
  name: string | null;
}

/** Officers' figures for their area, drilling down province → district → commune → point. */
export default function FiguresPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const own = me?.unitCode ?? null;
  const [trail, setTrail] = useState<Step[]>([
    {
      level: own ? (LEVEL_OF_UNIT[own.length] ?? 'venue') : 'province',
      unitCode: own,
      name: me?.unitName ?? null,
    },
  ]);
  const [range, setRange] = useState({ from: '', to: '' });
  const [data, setData] = useState<FiguresResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const step = trail[trail.length - 1]!;

  useEffect(() => {
    let current = true;
    api
      .get<FiguresResult>('/api/figures/checkins', {
        level: step.level,
        unitCode: step.unitCode,
        from: range.from,
        to: range.to,
      })
      .then((r) => {
        if (!current) return;
        setError(null);
        setData(r);
      })
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [step, range]);

  const pick = (u: UnitTotal) => {
    const below = BELOW[step.level];
    if (!below) return navigate(`/venues/${u.unitCode}`);
    setTrail([...trail, { level: below, unitCode: u.unitCode, name: u.unitName }]);
  };

  return (
    <section>
      <h1>{t('figures.title')}</h1>
      <p>{t('figures.intro')}</p>
      <nav className="breadcrumb" aria-label={t('figures.unit')}>
        {trail.map((s, i) => (
          <span key={`${s.level}-${s.unitCode ?? 'all'}`}>
            {i > 0 && ' › '}
            {i < trail.length - 1 ? (
              <button type="button" className="btn-link" onClick={() => setTrail(trail.slice(0, i + 1))}>
                {s.name ?? t('figures.country')}
              </button>
            ) : (
              <strong>{s.name ?? t('figures.country')}</strong>
            )}
          </span>
        ))}
        {' · '}
        {t(`figures.level.${step.level}`)}
      </nav>
      <form className="card form-grid" onSubmit={(e) => e.preventDefault()}>
        {(['from', 'to'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`figures-${k}`}>{t(`figures.${k}`)}</label>
            <input
              id={`figures-${k}`}
              type="date"
              value={range[k] || (data ? data[k] : '')}
              onChange={(e) => setRange({ ...range, [k]: e.target.value })}
            />
          </div>
        ))}
      </form>
      <ErrorBanner error={error} />
      {data && (
        <>
          <FiguresTable rows={data.rows} onPick={pick} />
          <small>{t('figures.pointsNote')}</small>
          <DailyChart rows={data.rows} from={data.from} to={data.to} />
        </>
      )}
    </section>
  );
}
