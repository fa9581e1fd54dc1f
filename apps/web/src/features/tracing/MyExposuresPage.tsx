import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyExposures } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../components/format';

/**
 * A citizen's exposure notices: the day and what to do, and their code's colour. The server sends
 * nothing about the case (no name, no place, no other person), so nothing of it can show here.
 */
export default function MyExposuresPage() {
  const { t } = useTranslation();
  const [data, setData] = useState<MyExposures | null>(null);
  const [colour, setColour] = useState<'green' | 'yellow' | 'orange' | 'red' | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<MyExposures>('/api/me/exposures')
      .then((r) => {
        setData(r);
        const own = r.items[0]?.personId;
        if (own)
          return api
            .get<{ colour: 'green' | 'yellow' | 'orange' | 'red' }>('/api/me/qr', { personId: own })
            .then((q) => setColour(q.colour));
      })
      .catch(setError);
  }, []);
  return (
    <section>
      <h1>{t('tracing.mine.title')}</h1>
      <ErrorBanner error={error} />
      {colour && (
        <p className={`status-colour status-${colour}`} data-testid="my-colour">
          {t('tracing.mine.colour', { colour: t(`tracing.mine.colours.${colour}`) })}
        </p>
      )}
      {data && data.items.length === 0 && <p>{t('tracing.mine.none')}</p>}
      <ul className="cards">
        {(data?.items ?? []).map((n) => (
          <li key={n.id} className="card" data-testid="exposure-notice">
            <p>
              {t('tracing.mine.notice', {
                who: n.generation === 1 ? t('tracing.mine.f1') : t('tracing.mine.fn', { n: n.generation }),
                day: formatDate(n.exposureDate),
              })}
            </p>
            <p>{t('tracing.mine.advice', { until: formatDate(n.followUpUntil) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
