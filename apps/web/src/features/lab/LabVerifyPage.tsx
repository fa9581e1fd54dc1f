import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CertificateFailuresPanel } from './CertificateFailuresPanel';
import type { PendingResults, VerifyResult } from '@phongdich/contracts/lab';
import type { PendingResult, ResultValue } from './types';

/** What a release is about to send out: individual tubes and pools counted apart (a pool is not a case). */
function summarise(items: PendingResult[]) {
  const zero = (): Record<ResultValue, number> => ({ positive: 0, negative: 0, invalid: 0 });
  const single = zero();
  const pools = zero();
  const poolPeople = zero();
  for (const i of items) {
    if (i.members > 1) {
      pools[i.result]++;
      poolPeople[i.result] += i.members;
    } else single[i.result]++;
  }
  return { single, pools, poolPeople };
}

/** The supervisor's queue: entered results to check, then release (all selected or none). */
export default function LabVerifyPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<PendingResult[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failures, setFailures] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<PendingResults>('/api/lab/results/pending')).items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // Any change of the selection withdraws the confirmation: it must always describe what is sent.
  const choose = (next: Set<string>) => {
    setSelected(next);
    setConfirming(false);
  };
  const toggle = (b: string) => {
    const next = new Set(selected);
    if (next.has(b)) next.delete(b);
    else next.add(b);
    choose(next);
  };
  const chosen = items.filter((i) => selected.has(i.barcode));
  const sum = summarise(chosen);
  async function release() {
    setError(null);
    try {
      const r = await api.post<VerifyResult>('/api/lab/results/verify', {
        barcodes: chosen.map((i) => i.barcode),
      });
      setMessage(t('lab.verify.released', { count: r.released.length }));
      setFailures((n) => n + 1);
      choose(new Set());
      await load();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section>
      <h1>{t('lab.verify.title')}</h1>
      <p>{t('lab.verify.intro')}</p>
      <ErrorBanner error={error} />
      {message && <p className="alert alert-ok">{message}</p>}
      {items.length === 0 ? (
        <p>{t('lab.verify.empty')}</p>
      ) : (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={selected.size === items.length}
              onChange={(e) => choose(e.target.checked ? new Set(items.map((i) => i.barcode)) : new Set())}
            />{' '}
            {t('lab.verify.selectAll')}
          </label>
          <ul className="cards">
            {items.map((i) => (
              <li key={i.barcode} className="card" data-testid="pending-result">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={selected.has(i.barcode)}
                    onChange={() => toggle(i.barcode)}
                  />{' '}
                  <code>{i.barcode}</code>
                </label>
                <strong className={i.result === 'positive' ? 'badge badge-danger' : 'badge'}>
                  {t(`lab.results.${i.result}`)}
                </strong>{' '}
                {i.members > 1 ? t('lab.verify.pool', { count: i.members }) : t('lab.verify.single')}
                {i.ctValues && (
                  <div>
                    Ct:{' '}
                    {Object.entries(i.ctValues)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(' · ')}
                  </div>
                )}
                {i.kit && <div>{i.kit}</div>}
              </li>
            ))}
          </ul>
          {!confirming ? (
            <button
              className="btn btn-primary"
              type="button"
              disabled={chosen.length === 0}
              onClick={() => setConfirming(true)}
            >
              {t('lab.verify.release', { count: chosen.length })}
            </button>
          ) : (
            <div
              className="card"
              role="alertdialog"
              aria-labelledby="release-summary"
              data-testid="release-summary"
            >
              <p id="release-summary">
                <strong>{t('lab.verify.confirmTitle', { count: chosen.length })}</strong>
              </p>
              <ul>
                <li data-testid="summary-single">
                  {t('lab.verify.summarySingle', {
                    positive: sum.single.positive,
                    negative: sum.single.negative,
                    invalid: sum.single.invalid,
                  })}
                </li>
                <li data-testid="summary-pools">
                  {t('lab.verify.summaryPools', {
                    positive: sum.pools.positive,
                    positivePeople: sum.poolPeople.positive,
                    negative: sum.pools.negative,
                    negativePeople: sum.poolPeople.negative,
                    invalid: sum.pools.invalid,
                  })}
                </li>
              </ul>
              <button className="btn btn-primary" type="button" onClick={() => void release()}>
                {t('lab.verify.confirmRelease', { count: chosen.length })}
              </button>{' '}
              <button className="btn" type="button" onClick={() => setConfirming(false)}>
                {t('lab.verify.back')}
              </button>
            </div>
          )}
        </>
      )}
      <CertificateFailuresPanel refresh={failures} />
    </section>
  );
}
