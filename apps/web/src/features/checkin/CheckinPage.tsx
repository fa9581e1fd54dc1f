// A citizen scans (or pastes) a venue's QR: the check-in is recorded, or queued when offline.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { classifyScannedCode } from '@phongdich/domain';
import { linkedVenueToken } from './linked-venue';
import { api, ApiError } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { enqueue } from '../../offline/queue';
import { CameraScanner } from '../scanner/CameraScanner';
import { SyncStatus } from '../scanner/SyncStatus';
import type { CheckinResult } from '../scanner/types';
import { WedgeInput } from '../scanner/WedgeInput';
import { loadMyPeople } from './my-people';
import type { FamilyPerson } from './types';
import { formatTime } from '../../components/format';
import { useScrollIntoView } from '../../components/useScrollIntoView';

type State = { kind: 'done'; result: CheckinResult } | { kind: 'queued' } | { kind: 'error'; error: unknown };

export default function CheckinPage() {
  const { t } = useTranslation();
  const [people, setPeople] = useState<FamilyPerson[]>([]);
  const [personId, setPersonId] = useState('');
  const [state, setState] = useState<State | null>(null);
  const resultRef = useScrollIntoView<HTMLDivElement>(state);

  // Opened from a poster by a phone camera: the venue token is in the fragment (never sent to the
  // server), read once here; the visit is recorded on one tap, not on page load, so a reload or a
  // shared link records nothing by itself.
  const [linked, setLinked] = useState<string | null>(() => linkedVenueToken(window.location.hash));

  useEffect(() => {
    void loadMyPeople().then(setPeople);
  }, []);

  async function onCode(text: string) {
    const code = classifyScannedCode(text);
    if (code.kind !== 'phongdich' || code.tokenType !== 'V') {
      setState({ kind: 'error', error: new Error(t('checkin.notVenueCode')) });
      return;
    }
    if (linked) {
      setLinked(null);
      // The token leaves the address bar once used (history, screenshots, a shared tab).
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
    const item = {
      id: crypto.randomUUID(),
      venueToken: code.raw,
      ...(personId ? { personId } : {}),
      deviceTime: new Date().toISOString(),
    };
    try {
      setState({ kind: 'done', result: await api.post<CheckinResult>('/api/checkins', item) });
    } catch (e) {
      if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
        setState({ kind: 'error', error: e });
        return;
      }
      await enqueue('checkin', { ...item, kind: 'visitor' });
      setState({ kind: 'queued' });
    }
  }

  return (
    <section>
      <h1>{t('checkin.checkinTitle')}</h1>
      <p>{t('checkin.checkinIntro')}</p>
      <SyncStatus kind="checkin" />
      {people.length > 1 && (
        <label>
          {t('checkin.forPerson')}{' '}
          <select name="person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            {people.map((p, i) => (
              <option key={p.id} value={i === 0 ? '' : p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </label>
      )}
      {linked && (
        <div className="card" data-testid="checkin-link">
          <p>
            <strong>{t('checkin.linkTitle')}</strong>
          </p>
          <p>{t('checkin.linkHint')}</p>
          <button type="button" className="btn-primary" onClick={() => void onCode(linked)}>
            {t('checkin.linkTap')}
          </button>
        </div>
      )}
      <CameraScanner onCode={(c) => void onCode(c)} />
      <WedgeInput
        label={t('checkin.pasteCode')}
        submitLabel={t('checkin.submit')}
        keepFocus={false}
        onCode={(c) => void onCode(c)}
      />
      <div ref={resultRef}>
        {state?.kind === 'done' && (
          <div role="status" data-testid="checkin-done">
            <p>
              {state.result.duplicate ? t('checkin.duplicate') : t('checkin.done')}{' '}
              <strong>{state.result.venueName}</strong> · {formatTime(state.result.serverTime)}
            </p>
            {state.result.declarationRequired && (
              <p>
                {t('checkin.declarationRequired')}{' '}
                <Link to={`/declare?venue=${state.result.venueId}`}>{t('checkin.declareNow')}</Link>
              </p>
            )}
          </div>
        )}
        {state?.kind === 'queued' && <p role="status">{t('checkin.queued')}</p>}
        {state?.kind === 'error' &&
          (state.error instanceof ApiError ? (
            <ErrorBanner error={state.error} />
          ) : (
            <p role="alert" className="alert alert-error">
              {(state.error as Error).message}
            </p>
          ))}
      </div>
    </section>
  );
}
