import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Venue } from './types';
import { kindLabel, useVenueKinds } from './venues.api';

export function StatusBadge({ venue }: { venue: Venue }) {
  const { t } = useTranslation();
  const cls =
    venue.status === 'active'
      ? 'badge'
      : venue.status === 'pending'
        ? 'badge badge-warn'
        : 'badge badge-danger';
  return (
    <span className={cls} data-testid="venue-status">
      {t(`venues.status.${venue.status}`)}
    </span>
  );
}

/** Points as a list of cards: readable on a 360 px phone, no horizontal scrolling. */
export function VenueList({ items }: { items: Venue[] }) {
  const { t } = useTranslation();
  const kinds = useVenueKinds();
  return (
    <ul className="cards" aria-label={t('venues.listTitle')}>
      {items.map((v) => (
        <li key={v.id} className="card">
          <h3 style={{ margin: 0 }}>
            <Link to={`/venues/${v.id}`}>{v.name}</Link>
          </h3>
          <p style={{ margin: '0.25rem 0' }}>
            {kindLabel(kinds, v.kind)}
            {v.plateNumber ? ` · ${v.plateNumber}` : ''} · <StatusBadge venue={v} />
            {!v.reviewed && <span className="badge badge-warn"> {t('venues.unreviewed')}</span>}
          </p>
          <small>{[v.street, v.areaName].filter(Boolean).join(', ')}</small>
          {v.childCount > 0 && <small> · {t('venues.childrenCount', { count: v.childCount })}</small>}
        </li>
      ))}
    </ul>
  );
}
