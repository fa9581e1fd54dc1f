import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { PendingResult } from './types';

/** The supervisor's queue: entered results to check, then release (all selected or none). */
export default function LabVerifyPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<PendingResult[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: PendingResult[] }>('/api/lab/results/pending')).items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const toggle = (b: string) => {
    const next = new Set(selected);
    if (next.has(b)) next.delete(b);
    else next.add(b);
    setSelected(next);
  };
  async function release() {
    setError(null);
    try {
      const r = await api.post<{ released: string[] }>('/api/lab/results/verify', {
        barcodes: [...selected],
      });
      setMessage(t('lab.verify.released', { count: r.released.length }));
      setSelected(new Set());
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
              onChange={(e) =>
                setSelected(e.target.checked ? new Set(items.map((i) => i.barcode)) : new Set())
              }
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
          <button
            className="btn btn-primary"
            type="button"
            disabled={selected.size === 0}
            onClick={() => void release()}
          >
            {t('lab.verify.release', { count: selected.size })}
          </button>
        </>
      )}
    </section>
  );
}
