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
import { MyRecordEdit } from './MyRecordEdit';

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
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
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
          {saved && <p role="status">{t('citizenMore.saved')}</p>}
          {editing ? (
            <MyRecordEdit
              person={data.person}
              onSaved={(person) => {
                setData({ ...data, person });
                setEditing(false);
                setSaved(true);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <div className="card">
              <PersonFields person={data.person} familyLink={(id) => `/me/family/${id}`} />
              <p className="hint">{t('citizenMore.idByOfficer')}</p>
              <button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('citizenMore.editMine')}
              </button>
            </div>
          )}
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
