import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { CertificateFailure, CertificateFailures, RetryResult } from '@phongdich/contracts/lab';

/**
 * Released results whose certificate could not be signed: the result reached the person, the
 * certificate did not. Listed for the supervisor, who can try again (after the record is fixed).
 */
export function CertificateFailuresPanel({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<CertificateFailure[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    api
      .get<CertificateFailures>('/api/lab/certificate-failures')
      .then((r) => setItems(r.items))
      .catch(setError);
  useEffect(() => {
    void load();
  }, [refresh]);
  if (items.length === 0 && !message && !error) return null;
  async function retry() {
    setError(null);
    try {
      const r = await api.post<RetryResult>('/api/lab/certificate-failures/retry', {});
      setMessage(t('lab.failures.retried', { issued: r.issued, still: r.stillFailing }));
      await load();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" data-testid="certificate-failures">
      <h2>{t('lab.failures.title', { count: items.length })}</h2>
      <p>{t('lab.failures.intro')}</p>
      <ul>
        {items.map((f) => (
          <li key={f.personResultId}>
            <code>{f.barcode}</code> · {f.reason} · {t('lab.failures.attempts', { count: f.attempts })}
          </li>
        ))}
      </ul>
      {message && <p className="alert alert-ok">{message}</p>}
      <ErrorBanner error={error} />
      {items.length > 0 && (
        <button className="btn" type="button" onClick={() => void retry()}>
          {t('lab.failures.retry')}
        </button>
      )}
    </section>
  );
}
