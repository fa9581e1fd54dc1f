import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { loadMyPeople } from './my-people';
import type { MyCheckins } from '@phongdich/contracts/checkins';
import type { FamilyPerson, Visit } from './types';
import { formatDateTime, formatTime } from '../../components/format';

/** My and my family's check-ins, newest first, page by page. */
export default function MyCheckinsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Visit[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [people, setPeople] = useState<FamilyPerson[]>([]);
  const [error, setError] = useState<unknown>(null);

  async function load(cursor?: string) {
    try {
      const r = await api.get<MyCheckins>('/api/me/checkins', {
        limit: 50,
        cursor,
      });
      setItems((xs) => (cursor ? [...xs, ...r.items] : r.items));
      setNext(r.nextCursor);
    } catch (e) {
      setError(e);
    }
  }

  useEffect(() => {
    void loadMyPeople().then(setPeople);
    void load();
  }, []);

  const nameOf = (id: string) => people.find((p) => p.id === id)?.fullName ?? '';
  return (
    <section>
      <h1>{t('checkin.historyTitle')}</h1>
      <ErrorBanner error={error} />
      {items.length === 0 && !error && <p>{t('checkin.historyEmpty')}</p>}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('checkin.when')}</th>
              <th>{t('checkin.where')}</th>
              <th>{t('checkin.who')}</th>
              <th>{t('checkin.left')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <td>{formatDateTime(v.deviceTime)}</td>
                <td>{v.venueName ?? '—'}</td>
                <td>{nameOf(v.personId)}</td>
                <td>{v.checkoutTime ? formatTime(v.checkoutTime) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('checkin.more')}
        </button>
      )}
    </section>
  );
}
