// Commune officers: visitors a venue scanned whose card matched no one in the registry. Confirm one
// as a new person, or merge it into the person already registered (found by an ID number).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { PersonSummary } from '@phongdich/contracts/people';
import type { PendingIdentity } from '@phongdich/contracts/scan';

type Pending = PendingIdentity;
type Found = PersonSummary;

function PendingItem({ p, onDone }: { p: Pending; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [idNumber, setIdNumber] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () =>
    run(async () => {
      await api.post(`/api/pending-identities/${p.id}/confirm`);
      onDone(t('venues.pendingConfirmed', { name: p.fullName }));
    });
  const search = () =>
    run(async () => {
      setFound((await api.post<{ items: Found[] }>('/api/people/search', { idNumber, limit: 10 })).items);
    });
  const merge = (person: Found) =>
    run(async () => {
      await api.post(`/api/pending-identities/${p.id}/merge`, { personId: person.id });
      onDone(t('venues.pendingMerged', { name: person.fullName }));
    });

  return (
    <li className="card" data-testid="pending-identity">
      <p>
        <strong>{p.fullName}</strong> · {p.birthDate ?? p.birthYear ?? '—'} · {p.cccd ?? p.bhyt}
      </p>
      <p>
        {p.street && <>{p.street} · </>}
        {t('venues.pendingSeen', { venue: p.venueName ?? '—', count: p.visits })}
      </p>
      <button type="button" className="btn-primary" disabled={busy} onClick={() => void confirm()}>
        {t('venues.pendingConfirm')}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (idNumber.trim()) void search();
        }}
      >
        <label>
          {t('venues.pendingExistingId')}
          <input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} name="existing-id" />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          {t('venues.pendingFind')}
        </button>
      </form>
      {found && found.length === 0 && <p>{t('venues.pendingNoneFound')}</p>}
      {found?.map((f) => (
        <button key={f.id} type="button" className="btn" disabled={busy} onClick={() => void merge(f)}>
          {t('venues.pendingMergeInto', { name: f.fullName, year: f.birthYear })}
        </button>
      ))}
      <ErrorBanner error={error} />
    </li>
  );
}

export function PendingIdentitiesSection() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Pending[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api
      .get<{ items: Pending[] }>('/api/pending-identities')
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [version]);
  if (!items || (!items.length && !done)) return null;
  return (
    <section className="card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('venues.pendingTitle')}</h2>
      <p>{t('venues.pendingIntro')}</p>
      {done && <p role="status">{done}</p>}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {items.map((p) => (
          <PendingItem
            key={p.id}
            p={p}
            onDone={(text) => {
              setDone(text);
              setVersion((v) => v + 1);
            }}
          />
        ))}
      </ul>
    </section>
  );
}
