import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import type { Venue } from './types';

/** Officers of the point's area: approve or reject (with a reason) a new point, suspend (revokes its QR) or reactivate. */
export function ReviewSection({ venue, onChange }: { venue: Venue; onChange: (v: Venue) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pending = venue.status === 'pending';

  const act = async (path: string, body?: object) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.post<Venue>(`/api/venues/${venue.id}/${path}`, body));
      setReason('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('venues.reviewTitle')}</h2>
      {venue.status === 'suspended' ? (
        <button type="button" className="btn" disabled={busy} onClick={() => void act('reactivate')}>
          {t('venues.reactivate')}
        </button>
      ) : (
        <>
          {venue.status === 'pending' && <p>{t('venues.pendingHint')}</p>}
          {(venue.status === 'pending' || !venue.reviewed) && (
            <button type="button" className="btn-primary" disabled={busy} onClick={() => void act('approve')}>
              {t('venues.approve')}
            </button>
          )}
          {/* A point waiting for review is rejected, one in service suspended: both need a reason. */}
          <Field
            label={t(pending ? 'venues.rejectReason' : 'venues.suspendReason')}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error}
          />
          <button
            type="button"
            className="btn-danger"
            disabled={busy || !reason.trim()}
            onClick={() => void act(pending ? 'reject' : 'suspend', { reason })}
          >
            {t(pending ? 'venues.reject' : 'venues.suspend')}
          </button>
        </>
      )}
      <ErrorBanner error={error} placed={['reason']} />
    </section>
  );
}
