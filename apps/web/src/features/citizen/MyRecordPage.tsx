import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person, PersonInput } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, idempotencyKey } from '../../components/format';
import { PersonFields } from '../people/PersonFields';
import { PersonForm } from '../people/PersonForm';
import { AddFamilyMember } from './AddFamilyMember';

interface MyPerson {
  person: Person | null;
  family: Person[];
}

/** The citizen's own record (or the form to create it) and the relatives they declare. */
export default function MyRecordPage() {
  const { t } = useTranslation();
  const [data, setData] = useState<MyPerson | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const key = useRef(idempotencyKey());

  const load = useCallback(() => {
    api
      .get<MyPerson>('/api/me/person')
      .then(setData)
      .catch((e: unknown) => setLoadError(e));
  }, []);
  useEffect(load, [load]);

  const create = async (input: PersonInput) => {
    setCreateError(null);
    try {
      await api.post<Person>('/api/me/person', input, { 'Idempotency-Key': key.current });
      load();
    } catch (err) {
      setCreateError(err);
      key.current = idempotencyKey();
    }
  };

  if (loadError || !data) {
    return (
      <section>
        <h1>{t('citizen.title')}</h1>
        {loadError ? <ErrorBanner error={loadError} /> : <p role="status">{t('app.loading')}</p>}
      </section>
    );
  }

  return (
    <section>
      <h1>{t('citizen.title')}</h1>
      {data.person ? (
        <>
          <div className="card">
            <PersonFields person={data.person} familyLink={(id) => `/me/family/${id}`} />
          </div>
          <p>
            <Link to="/me/qr-cards">{t('citizenMore.printCards')}</Link>
          </p>
        </>
      ) : (
        <div className="card">
          <p>{t('citizen.noRecord')}</p>
          <PersonForm
            submitLabel={t('citizen.createRecord')}
            onSubmit={create}
            error={createError}
            hidePhones
          />
        </div>
      )}
      {data.person && (
        <>
          <h2>{t('citizen.family')}</h2>
          {data.family.length === 0 && <p>{t('citizen.noFamily')}</p>}
          <ul className="cards">
            {data.family.map((m) => (
              <li key={m.id} className="card" data-testid="family-member">
                <Link to={`/me/family/${m.id}`}>
                  <strong>{m.fullName}</strong>
                </Link>
                <div className="hint">
                  {[m.birthDate ? formatDate(m.birthDate) : m.birthYear, t(`sex.${m.sex}`), m.communeName]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ul>
          <AddFamilyMember onAdded={load} />
        </>
      )}
    </section>
  );
}
