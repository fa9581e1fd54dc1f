// Officers print personal QR cards for people without a smartphone, in batches (A4 PDF, 8 a page).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { CardBatch } from './types';
import { formatDateTime, idempotencyKey } from '../../components/format';
import type { PersonSummary } from '@phongdich/contracts/people';
import type { CardBatchCreated } from '@phongdich/contracts/personal-qr';

type Found = PersonSummary;

export default function QrCardsPage() {
  const { t } = useTranslation();
  const [batches, setBatches] = useState<CardBatch[]>([]);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ id: string; cardCount: number } | null>(null);
  // One key per batch until it is made: a retried click after a lost answer gets the same batch.
  const key = useRef(idempotencyKey());

  const refresh = () =>
    api
      .get<{ items: CardBatch[] }>('/api/qr-cards/batches')
      .then((r) => setBatches(r.items))
      .catch(setError);
  useEffect(() => {
    void refresh();
  }, []);

  async function search(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.post<{ items: Found[] }>('/api/people/search', { q, limit: 50 });
      setFound(r.items.filter((p) => !p.masked));
    } catch (err) {
      setError(err);
    }
  }

  async function create(body: { personIds?: string[]; allWithoutAccount?: boolean }) {
    setError(null);
    try {
      setCreated(
        await api.post<CardBatchCreated>('/api/qr-cards/batches', body, {
          'Idempotency-Key': key.current,
        }),
      );
      key.current = idempotencyKey();
      setChosen(new Set());
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  function toggle(id: string) {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  }

  return (
    <section>
      <h1>{t('checkin.cardsTitle')}</h1>
      <p>{t('checkin.cardsIntro')}</p>
      <ErrorBanner error={error} />
      <button type="button" onClick={() => void create({ allWithoutAccount: true })}>
        {t('checkin.cardsAllWithoutAccount')}
      </button>
      <form onSubmit={(e) => void search(e)}>
        <label>
          {t('checkin.cardsSearch')} <input value={q} onChange={(e) => setQ(e.target.value)} name="q" />
        </label>
        <button type="submit">{t('checkin.search')}</button>
      </form>
      {found.length > 0 && (
        <>
          <ul>
            {found.map((p) => (
              <li key={p.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />{' '}
                  {p.fullName} ({p.birthYear}) {p.communeName}
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={chosen.size === 0}
            onClick={() => void create({ personIds: [...chosen] })}
          >
            {t('checkin.cardsCreate', { count: chosen.size })}
          </button>
        </>
      )}
      {created && <p role="status">{t('checkin.cardsCreated', { count: created.cardCount })}</p>}
      <h2>{t('checkin.cardsBatches')}</h2>
      <table>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <td>{formatDateTime(b.createdAt)}</td>
              <td>{t('checkin.cardsCount', { count: b.cardCount })}</td>
              <td>
                <a href={`/api/qr-cards/batches/${b.id}/cards.pdf`} download>
                  {t('checkin.cardsDownload')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
