import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLatestRequest } from '../../api/useLatestRequest';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../components/format';
import type { WorklistItem } from '@phongdich/contracts/worklist';

type Filter = 'open' | 'in_progress' | 'done' | '';

/** The commune (district, province) officer's follow-ups, fed by declarations, tests and other modules. */
export default function WorklistPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [error, setError] = useState<unknown>(null);

  const begin = useLatestRequest();
  const load = useCallback(async () => {
    const isLatest = begin();
    setError(null);
    try {
      const r = await api.get<{ items: WorklistItem[] }>('/api/worklist', { status: filter || undefined });
      if (isLatest()) setItems(r.items);
    } catch (e) {
      if (isLatest()) setError(e);
    }
  }, [filter, begin]);

  useEffect(() => {
    void load();
  }, [load]);

  const move = async (id: string, status: WorklistItem['status']) => {
    try {
      await api.patch(`/api/worklist/${id}`, { status });
      await load();
    } catch (e) {
      setError(e);
    }
  };

  const lang = currentLang();
  return (
    <section>
      <h1>{t('worklist.title')}</h1>
      <p>{t('worklist.intro')}</p>
      <label>
        {t('worklist.status')}{' '}
        <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="open">{t('worklist.statuses.open')}</option>
          <option value="in_progress">{t('worklist.statuses.in_progress')}</option>
          <option value="done">{t('worklist.statuses.done')}</option>
          <option value="">{t('worklist.all')}</option>
        </select>
      </label>
      <ErrorBanner error={error} />
      {items.length === 0 ? (
        <p>{t('worklist.empty')}</p>
      ) : (
        <ul className="cards" aria-label={t('worklist.title')}>
          {items.map((item) => (
            <li key={item.id} className="card worklist-item" data-testid="worklist-item">
              <div className="worklist-matter">
                <strong>{item.title[lang]}</strong>
                {item.priority === 'high' && <span className="badge badge-warn">{t('worklist.high')}</span>}
              </div>
              {item.personId && (
                <div className="worklist-person">
                  <Link to={`/people/${item.personId}`} data-testid="worklist-person-link">
                    {item.personName ?? t('worklist.person')}
                  </Link>
                  {item.personMasked && <span className="badge"> {t('worklist.outside')}</span>}
                </div>
              )}
              <div>
                {t('worklist.status')}: {t(`worklist.statuses.${item.status}`)} · {t('worklist.createdAt')}{' '}
                {formatDateTime(item.createdAt)}
              </div>
              {item.note && (
                <div>
                  {t('worklist.note')}: {item.note}
                </div>
              )}
              {item.status !== 'done' && (
                <div className="btn-row">
                  {item.status === 'open' && (
                    <button type="button" onClick={() => void move(item.id, 'in_progress')}>
                      {t('worklist.start')}
                    </button>
                  )}
                  <button type="button" onClick={() => void move(item.id, 'done')}>
                    {t('worklist.done')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
