// The one scanner for venue staff, officers and samplers: camera or 2D USB scanner, online or offline.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { refreshTrust } from '../../offline/trust-cache';
import { CameraScanner } from './CameraScanner';
import { PersonBand } from './PersonBand';
import { handleScan, todayCount, type ScanOutcome } from './scanner-actions';
import { SyncStatus } from './SyncStatus';
import type { CheckinResult, MyVenue } from './types';
import { WedgeInput } from './WedgeInput';

const VENUE_KEY = 'phongdich.scanner.venue';

function Outcome({ outcome, onCheckout }: { outcome: ScanOutcome; onCheckout: (c: CheckinResult) => void }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'person': {
      const { scan, checkin } = outcome;
      return (
        <div role="status">
          <PersonBand
            colour={scan.colour}
            title={scan.person.fullName}
            subtitle={`${scan.person.birthYear} · ${scan.person.communeName ?? scan.person.communeCode}`}
            reasons={scan.reasons}
          />
          {scan.created && <p>{t('scanner.created')}</p>}
          {scan.communeAssumed && <p>{t('scanner.communeAssumed')}</p>}
          {checkin === 'queued' && <p>{t('scanner.queued')}</p>}
          {checkin && checkin !== 'queued' && (
            <p>
              {checkin.duplicate
                ? t('scanner.duplicate')
                : t('scanner.checkedIn', { time: new Date(checkin.serverTime).toLocaleTimeString() })}{' '}
              <button type="button" onClick={() => onCheckout(checkin)}>
                {t('scanner.checkout')}
              </button>
            </p>
          )}
        </div>
      );
    }
    case 'queued':
      return (
        <div role="status" data-testid="scan-queued">
          <p>{t('scanner.pendingCode')}</p>
          {outcome.offlineVerified && <p>{t('scanner.verifiedOffline')}</p>}
          <p>{t('scanner.queued')}</p>
        </div>
      );
    case 'venue':
      return <p role="status">{t('scanner.venueCode', { name: outcome.name })}</p>;
    case 'certificate':
      return <p role="status">{t('scanner.certificate')}</p>;
    case 'invalid':
      return (
        <p role="alert" className="alert alert-error">
          {t('scanner.offlineInvalid', { reason: outcome.reason })}
        </p>
      );
    case 'error':
      return <ErrorBanner error={outcome.error} />;
  }
}

export default function ScannerPage() {
  const { t } = useTranslation();
  const [venues, setVenues] = useState<MyVenue[]>([]);
  const [venueId, setVenueId] = useState<string>(() => localStorage.getItem(VENUE_KEY) ?? '');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [count, setCount] = useState(todayCount);
  const [checkoutMsg, setCheckoutMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void refreshTrust();
    api
      .get<{ items: MyVenue[] }>('/api/me/venues')
      .then((r) => {
        setVenues(r.items.filter((v) => v.status === 'active'));
        localStorage.setItem('phongdich.scanner.venues', JSON.stringify(r.items));
      })
      .catch(() => {
        // offline: the venues seen last time
        setVenues(JSON.parse(localStorage.getItem('phongdich.scanner.venues') ?? '[]') as MyVenue[]);
      });
  }, []);

  function chooseVenue(id: string) {
    setVenueId(id);
    localStorage.setItem(VENUE_KEY, id);
  }

  async function onCode(code: string) {
    if (busy) return;
    setBusy(true);
    setCheckoutMsg(null);
    try {
      setOutcome(await handleScan(code, venueId || null));
      setCount(todayCount());
    } finally {
      setBusy(false);
    }
  }

  async function checkout(c: CheckinResult) {
    try {
      const r = await api.post<{ minutesSpent: number }>(`/api/checkins/${c.id}/checkout`, {
        deviceTime: new Date().toISOString(),
      });
      setCheckoutMsg(t('scanner.checkedOut', { minutes: r.minutesSpent }));
    } catch (e) {
      setCheckoutMsg(e instanceof ApiError ? e.messages.vi : String(e));
    }
  }

  return (
    <section>
      <h1>{t('scanner.title')}</h1>
      <p>{t('scanner.intro')}</p>
      <SyncStatus kind="checkin" />
      <p data-testid="today-count">{t('scanner.today', { count })}</p>
      <label>
        {t('scanner.venue')}{' '}
        <select name="venue" value={venueId} onChange={(e) => chooseVenue(e.target.value)}>
          <option value="">{t('scanner.noVenue')}</option>
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <WedgeInput
        label={t('scanner.codeField')}
        submitLabel={t('scanner.submit')}
        onCode={(c) => void onCode(c)}
      />
      <CameraScanner onCode={(c) => void onCode(c)} />
      {outcome && <Outcome outcome={outcome} onCheckout={(c) => void checkout(c)} />}
      {checkoutMsg && <p role="status">{checkoutMsg}</p>}
    </section>
  );
}
