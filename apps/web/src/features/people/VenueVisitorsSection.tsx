import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';

interface Visitor {
  id: string;
  personId: string;
  fullName: string | null;
  phones: string[];
  birthYear: number | null;
  method: string;
  serverTime: string;
  checkoutTime: string | null;
}
interface AtVenue {
  masked: boolean;
  items: Visitor[];
}

/** A datetime-local value (local time, minutes) for a Date. */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * The tracing query "who was at this point in a period" (POST: the period and venue stay out of the URL);
 * the server audits it and masks the people outside the officer's jurisdiction.
 */
export function VenueVisitorsSection({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => localInput(new Date(Date.now() - 24 * 3600_000)));
  const [to, setTo] = useState(() => localInput(new Date(Date.now() + 5 * 60_000)));
  const [result, setResult] = useState<AtVenue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setResult(
        await api.post<AtVenue>('/api/checkins/at-venue', {
          venueId,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="venue-visitors-title">
      <h2 id="venue-visitors-title">{t('personPage.visitorsTitle')}</h2>
      <p>{t('personPage.visitorsIntro')}</p>
      <form onSubmit={find} className="form-grid">
        <label>
          {t('personPage.from')}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t('personPage.to')}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('personPage.find')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {result?.masked && <p className="alert alert-warn">{t('personPage.visitorsMasked')}</p>}
      {result?.items.length === 0 && <p role="status">{t('personPage.visitorsEmpty')}</p>}
      <ol className="cards">
        {result?.items.map((v) => (
          <li key={v.id} className="card" data-testid="venue-visitor">
            <Link to={`/people/${v.personId}`}>
              <strong>{v.fullName ?? t('personPage.hiddenName')}</strong>
            </Link>
            <div className="hint">
              {[
                v.birthYear ? t('personPage.bornIn', { year: v.birthYear }) : '',
                v.phones.join(', '),
                formatDateTime(v.serverTime),
                t(`personCheckins.methods.${v.method}`, { defaultValue: v.method }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
