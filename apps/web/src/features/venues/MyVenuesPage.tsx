import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { Venue } from './types';
import { VenueList } from './VenueList';

/** The points this account owns or staffs. */
export default function MyVenuesPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Venue[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<{ items: Venue[] }>('/api/me/venues')
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  return (
    <section>
      <h1>{t('venues.mineTitle')}</h1>
      <p>{t('venues.mineIntro')}</p>
      <p>
        <Link className="btn btn-primary" to="/venues/new">
          {t('venues.newVenue')}
        </Link>
      </p>
      <ErrorBanner error={error} />
      {items === null && !error && <p role="status">{t('app.loading')}</p>}
      {items?.length === 0 && <p>{t('venues.noneYet')}</p>}
      {items && items.length > 0 && <VenueList items={items} />}
    </section>
  );
}
