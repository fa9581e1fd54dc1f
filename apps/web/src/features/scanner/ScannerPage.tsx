// The one scanner for venue staff, officers and samplers: camera or 2D USB scanner, online or offline.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutResult } from '@phongdich/contracts/checkins';
import { api, ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { refreshTrust } from '../../offline/trust-cache';
import { CameraScanner } from './CameraScanner';
import { ScanDecision, type Decision } from './ScanDecision';
import { handleScan, todayCount } from './scanner-actions';
import { SyncStatus } from './SyncStatus';
import type { CheckinResult, MyVenue } from './types';
import { WedgeInput } from './WedgeInput';
import { useScrollIntoView } from '../../components/useScrollIntoView';

const VENUE_KEY = 'phongdich.scanner.venue';

/** The select's value for the explicit "look up only" choice (never chosen for the user when they have a venue). */
const LOOKUP = 'lookup';

/**
 * The venue the scanner starts with: the one chosen last time if it is still theirs, the only one if
 * they work at one, "look up only" when they have none (the only thing the scanner can do), and
 * nothing when they have several: they choose before scanning. Venue staff who sign in as citizens
 * and venue managers scan only for a venue of theirs (the server refuses anything else), so they get no
 * "look up only".
 */
function initialChoice(venues: MyVenue[], canLookUp: boolean): string {
  const saved = localStorage.getItem(VENUE_KEY);
  if (saved && venues.some((v) => v.id === saved)) return saved;
  if (venues.length === 1) return venues[0]!.id;
  return venues.length === 0 && canLookUp ? LOOKUP : '';
}

export default function ScannerPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  // Venue staff scan only for a point of theirs (the server refuses a look-up without one).
  const canLookUp = !!me && me.kind !== 'citizen' && me.role !== 'venue_manager';
  const [venues, setVenues] = useState<MyVenue[] | null>(null);
  const [choice, setChoice] = useState('');
  const [outcome, setOutcome] = useState<Decision | null>(null);
  const outcomeRef = useScrollIntoView<HTMLDivElement>(outcome);
  const [count, setCount] = useState(todayCount);
  const [checkoutMsg, setCheckoutMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void refreshTrust();
    const loaded = (items: MyVenue[]) => {
      const active = items.filter((v) => v.status === 'active');
      setVenues(active);
      setChoice(initialChoice(active, canLookUp));
    };
    api
      .get<{ items: MyVenue[] }>('/api/me/venues')
      .then((r) => {
        localStorage.setItem('phongdich.scanner.venues', JSON.stringify(r.items));
        loaded(r.items);
      })
      .catch(() => {
        // offline: the venues seen last time
        loaded(JSON.parse(localStorage.getItem('phongdich.scanner.venues') ?? '[]') as MyVenue[]);
      });
  }, [canLookUp]);

  function chooseVenue(id: string) {
    setChoice(id);
    setOutcome(null);
    // Only a venue is remembered: "look up only" is chosen anew each time, never carried over.
    if (id !== LOOKUP) localStorage.setItem(VENUE_KEY, id);
  }

  async function onCode(code: string) {
    if (busy) return;
    setCheckoutMsg(null);
    if (!choice) {
      setOutcome({ kind: 'choose' });
      return;
    }
    setBusy(true);
    try {
      setOutcome(await handleScan(code, choice === LOOKUP ? null : choice));
      setCount(todayCount());
    } finally {
      setBusy(false);
    }
  }

  async function checkout(c: CheckinResult) {
    try {
      const r = await api.post<CheckoutResult>(`/api/checkins/${c.id}/checkout`, {
        deviceTime: new Date().toISOString(),
      });
      setCheckoutMsg(t('scanner.checkedOut', { minutes: r.minutesSpent }));
    } catch (e) {
      setCheckoutMsg(e instanceof ApiError ? e.messages.vi : String(e));
    }
  }

  return (
    <section className="scanner">
      <h1>{t('scanner.title')}</h1>
      <label>
        {t('scanner.venue')}{' '}
        <select name="venue" value={choice} onChange={(e) => chooseVenue(e.target.value)}>
          {choice === '' && (
            <option value="" disabled>
              {t('scanner.chooseVenue')}
            </option>
          )}
          {(venues ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
          {canLookUp && <option value={LOOKUP}>{t('scanner.noVenue')}</option>}
        </select>
      </label>
      <WedgeInput
        label={t('scanner.codeField')}
        submitLabel={t('scanner.submit')}
        onCode={(c) => void onCode(c)}
      />
      <div ref={outcomeRef} role="status">
        {outcome && <ScanDecision decision={outcome} onCheckout={(c) => void checkout(c)} />}
      </div>
      {checkoutMsg && <p role="status">{checkoutMsg}</p>}
      <CameraScanner onCode={(c) => void onCode(c)} />
      <p data-testid="today-count">{t('scanner.today', { count })}</p>
      <SyncStatus kind="checkin" />
      <p>{t('scanner.intro')}</p>
    </section>
  );
}
