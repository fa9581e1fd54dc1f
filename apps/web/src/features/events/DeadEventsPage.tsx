import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadEvent } from '@phongdich/contracts';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';

/** Dead domain events (national administrators): what failed too often, and a button to retry it. */
export default function DeadEventsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<DeadEvent[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: DeadEvent[] }>('/api/admin/events/dead')).items);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const retry = async (id: number) => {
    setBusy(id);
    setError(null);
    setNotice(null);
    try {
      await api.post(`/api/admin/events/${id}/retry`);
      setNotice(t('deadEvents.retried', { id }));
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section>
      <h1>{t('deadEvents.title')}</h1>
      <p>{t('deadEvents.intro')}</p>
      <ErrorBanner error={error} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {items && items.length === 0 && <p>{t('deadEvents.empty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('deadEvents.id')}</th>
                <th>{t('deadEvents.type')}</th>
                <th>{t('deadEvents.attempts')}</th>
                <th>{t('deadEvents.lastError')}</th>
                <th>{t('deadEvents.createdAt')}</th>
                <th>{t('deadEvents.lastAttemptAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td>{e.type}</td>
                  <td>{e.attempts}</td>
                  <td>{e.lastError ?? t('common.none')}</td>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td>{e.lastAttemptAt ? formatDateTime(e.lastAttemptAt) : t('common.none')}</td>
                  <td>
                    <button type="button" disabled={busy === e.id} onClick={() => void retry(e.id)}>
                      {t('deadEvents.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
