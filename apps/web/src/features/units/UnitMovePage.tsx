import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime, formatNumber } from '../../components/format';
import type { MoveRun } from '@phongdich/contracts/geo';

/** Batches per request: each answer shows progress; no request runs long. */
const BATCHES_PER_STEP = 5;

/**
 * The administrator's move to the 2025 map. The server keeps the run's progress: this page shows the
 * latest run (a reload shows the same counts) and, while the administrator has it open, asks for the
 * next batches until the run is done. A finished move run again moves nothing twice.
 */
export default function UnitMovePage() {
  const { t } = useTranslation();
  const [run, setRun] = useState<MoveRun | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    api
      .get<{ run: MoveRun | null }>('/api/units/move')
      .then((r) => alive.current && setRun(r.run))
      .catch((e: unknown) => alive.current && setError(e));
    return () => {
      alive.current = false;
    };
  }, []);

  async function go() {
    setBusy(true);
    setError(null);
    try {
      for (;;) {
        const r = await api.post<{ run: MoveRun | null }>('/api/units/move', { batches: BATCHES_PER_STEP });
        if (!alive.current) return;
        setRun(r.run);
        if (!r.run || r.run.status === 'done') break;
      }
    } catch (e) {
      if (alive.current) setError(e);
    } finally {
      if (alive.current) setBusy(false);
    }
  }

  const rows = run ? Object.entries(run.progress) : [];
  const total = rows.reduce((s, [, p]) => ({ moved: s.moved + p.moved, review: s.review + p.review }), {
    moved: 0,
    review: 0,
  });
  const label = busy
    ? t('unitMove.running')
    : !run
      ? t('unitMove.start')
      : run.status === 'running'
        ? t('unitMove.resume')
        : t('unitMove.again');

  return (
    <section>
      <h1>{t('unitMove.title')}</h1>
      <p className="hint">{t('unitMove.intro')}</p>
      <ErrorBanner error={error} />
      {run === null && <p>{t('unitMove.none')}</p>}
      {run && (
        <div data-testid="move-run" aria-live="polite">
          <p>
            {t('unitMove.startedAt', { at: formatDateTime(run.startedAt) })} ·{' '}
            <strong data-testid="move-status">
              {run.status === 'done' && run.finishedAt
                ? t('unitMove.statusDone', { at: formatDateTime(run.finishedAt) })
                : t('unitMove.statusRunning')}
            </strong>
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('unitMove.table')}</th>
                  <th scope="col">{t('unitMove.moved')}</th>
                  <th scope="col">{t('unitMove.review')}</th>
                  <th scope="col">{t('unitMove.state')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([table, p]) => (
                  <tr key={table} data-testid={`move-table-${table}`}>
                    <th scope="row">{t(`unitMove.tables.${table}`, { defaultValue: table })}</th>
                    <td>{formatNumber(p.moved)}</td>
                    <td>{formatNumber(p.review)}</td>
                    <td>{p.done ? t('unitMove.tableDone') : t('unitMove.tablePending')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="move-totals">
            {t('unitMove.totals', { moved: formatNumber(total.moved), review: formatNumber(total.review) })}
          </p>
        </div>
      )}
      {run !== undefined && (
        <div className="btn-row">
          <button type="button" className="btn-primary" disabled={busy} onClick={() => void go()}>
            {label}
          </button>
          {run && <Link to="/units/reviews">{t('unitMove.openReviews')}</Link>}
        </div>
      )}
    </section>
  );
}
