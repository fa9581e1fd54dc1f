import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { VenueFigures } from '../figures/VenueFigures';
import { HoldsSection } from '../holds/HoldsSection';
import { useAuth } from '../../auth/AuthContext';
import { ChildrenSection } from './ChildrenSection';
import { QrSection } from './QrSection';
import { ReviewSection } from './ReviewSection';
import { StaffSection } from './StaffSection';
import { VenueVisitorsSection } from '../people/VenueVisitorsSection';
import type { Venue } from './types';
import { StatusBadge } from './VenueList';
import { kindLabel, useVenueKinds } from './venues.api';

/** One point: its QR and poster, staff, stalls or vehicles, figures; and the officers' review. */
export default function VenueDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const kinds = useVenueKinds();
  const { can } = useAuth();
  const [venue, setVenue] = useState<Venue | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setVenue(null);
    api.get<Venue>(`/api/venues/${id}`).then(setVenue).catch(setError);
  }, [id]);

  if (error) return <ErrorBanner error={error} />;
  if (!venue) return <p role="status">{t('app.loading')}</p>;
  const access = venue.access ?? { manage: false, review: false };
  const update = (v: Venue) => setVenue({ ...v, access });

  return (
    <section>
      {(location.state as { registered?: boolean } | null)?.registered && (
        <p className="alert alert-ok" role="status">
          {t('venues.registered')}
        </p>
      )}
      <h1>{venue.name}</h1>
      <p>
        {kindLabel(kinds, venue.kind)}
        {venue.plateNumber ? ` · ${venue.plateNumber}` : ''} · <StatusBadge venue={venue} />
        {!venue.reviewed && <span className="badge badge-warn"> {t('venues.unreviewed')}</span>}
      </p>
      {venue.status === 'suspended' && venue.statusReason && (
        <p className="alert alert-warn">{t('venues.suspendedBecause', { reason: venue.statusReason })}</p>
      )}
      <p>
        <strong>{t('venues.address')}:</strong> {[venue.street, venue.areaName].filter(Boolean).join(', ')}
      </p>
      <QrSection venue={venue} />
      {access.review && <ReviewSection venue={venue} onChange={update} />}
      <VenueFigures venueId={venue.id} />
      <StaffSection venueId={venue.id} canManage={access.manage} />
      {!venue.parentId && <ChildrenSection venue={venue} canManage={access.manage} />}
      {access.review && can('checkin.trace') && <VenueVisitorsSection venueId={venue.id} />}
      {access.review && can('checkin.hold') && <HoldsSection subject={{ kind: 'venue', id: venue.id }} />}
    </section>
  );
}
