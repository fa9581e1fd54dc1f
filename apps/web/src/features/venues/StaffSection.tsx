import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import type { StaffMember } from './types';

/** Staff are named by phone; they sign in with a one-time code and may then scan for the point. */
export function StaffSection({ venueId, canManage }: { venueId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<StaffMember[]>([]);
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const url = `/api/venues/${venueId}/staff`;

  useEffect(() => {
    api
      .get<{ items: StaffMember[] }>(url)
      .then((r) => setItems(r.items))
      .catch(setError);
  }, [url]);

  const run = async (p: Promise<{ items: StaffMember[] }>) => {
    setError(null);
    try {
      setItems((await p).items);
      setPhone('');
    } catch (err) {
      setError(err);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(api.post(url, { phone }));
  };

  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('venues.staffTitle')}</h2>
      <ul>
        {items.map((s) => (
          <li key={s.phone}>
            {s.phone} · {s.role === 'owner' ? t('venues.owner') : t('venues.staffMember')} ·{' '}
            <small>{s.hasAccount ? t('venues.signedInYet') : t('venues.notSignedInYet')}</small>
            {canManage && s.role === 'staff' && (
              <button
                type="button"
                className="btn-link"
                onClick={() => void run(api.post(`${url}/remove`, { phone: s.phone }))}
              >
                {t('venues.removeStaff')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form onSubmit={add} noValidate>
          <Field
            label={t('venues.staffPhone')}
            name="phone"
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            error={error}
          />
          <button type="submit" className="btn">
            {t('venues.addStaff')}
          </button>
        </form>
      )}
      <ErrorBanner error={error} placed={['phone']} />
    </section>
  );
}
