import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import type { OfPersonResult, Visit } from '@phongdich/contracts/checkins';

const DAY_CHOICES = [3, 7, 14, 30];

/** The tracing query "where has this person been" (POST: the person id stays out of the URL), audited. */
export function PersonCheckinsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(14);
  const [items, setItems] = useState<Visit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api
      .post<OfPersonResult>('/api/checkins/of-person', { personId, days })
      .then((r) => current && setItems(r.items))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId, days]);

  return (
    <section aria-labelledby="person-checkins-title">
      <h2 id="person-checkins-title">{t('personCheckins.title')}</h2>
      <p>{t('personCheckins.intro', { days })}</p>
      <label>
        {t('personCheckins.days')}{' '}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <ErrorBanner error={error} />
      {items?.length === 0 && <p>{t('personCheckins.empty')}</p>}
      <ol className="cards">
        {items?.map((v) => (
          <li key={v.id} className="card" data-testid="person-checkin">
            <strong>{v.venueName ?? t('personCheckins.unknownVenue')}</strong>
            <div className="hint">
              <time dateTime={v.serverTime}>{formatDateTime(v.serverTime)}</time> ·{' '}
              {t(`personCheckins.methods.${v.method}`, { defaultValue: v.method })}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
