import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DailyChart, FiguresTable } from './FiguresTable';
import type { FiguresResult } from './types';

/** A point's own figures (with its stalls or vehicles) over the last 7 days. */
export function VenueFigures({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<FiguresResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<FiguresResult>(`/api/venues/${venueId}/figures`).then(setData).catch(setError);
  }, [venueId]);
  return (
    <section className="card" aria-labelledby="venue-figures-title">
      <h2 id="venue-figures-title">{t('venues.figuresTitle')}</h2>
      <ErrorBanner error={error} />
      {data && (
        <>
          <FiguresTable rows={data.rows} />
          <DailyChart rows={data.rows} from={data.from} to={data.to} />
        </>
      )}
    </section>
  );
}
