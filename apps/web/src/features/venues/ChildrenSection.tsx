import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { Venue } from './types';
import { VenueList } from './VenueList';
import { downloadPdf } from './venues.api';

/** "Xe 01; 29B-123.45" → { name, plate }. */
export function parseChildLines(text: string): { name: string; plate?: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', plate] = l.split(';').map((s) => s.trim());
      return plate ? { name, plate } : { name };
    });
}

/** A market's stalls or a company's vehicles: add many at once, print all their posters. */
export function ChildrenSection({ venue, canManage }: { venue: Venue; canManage: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Venue[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());

  useEffect(() => {
    api
      .get<{ items: Venue[] }>(`/api/venues/${venue.id}/children`)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [venue.id, venue.childCount]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ items: Venue[] }>(
        `/api/venues/${venue.id}/children`,
        { items: parseChildLines(text) },
        { 'Idempotency-Key': key.current },
      );
      setItems([...items, ...r.items]);
      setText('');
      key.current = crypto.randomUUID();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const posters = () => {
    setError(null);
    downloadPdf(
      `/api/venues/${venue.id}/children/posters.pdf`,
      `ma-qr-${venue.id.slice(0, 8)}-tat-ca.pdf`,
    ).catch(setError);
  };

  return (
    <section className="card" aria-labelledby="children-title">
      <h2 id="children-title">{t('venues.childrenTitle')}</h2>
      {items.length > 0 && <VenueList items={items} />}
      {(items.length > 0 || venue.childCount > 0) && (
        <button type="button" className="btn" onClick={posters}>
          {t('venues.childrenPosters')}
        </button>
      )}
      {canManage && (
        <form onSubmit={add} noValidate>
          <div className="field">
            <label htmlFor="children-lines">{t('venues.childrenHint')}</label>
            <textarea id="children-lines" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="btn" disabled={busy || !text.trim()}>
            {t('venues.addChildren')}
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}
