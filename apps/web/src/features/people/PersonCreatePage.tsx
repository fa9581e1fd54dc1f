import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Person, PersonInput } from '../../api/types';
import { idempotencyKey } from '../../components/format';
import { PersonForm } from './PersonForm';

/** New person record; a duplicate answer links to the existing record instead of failing silently. */
export default function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  // One key per form fill: a double tap or a retry after a timeout creates one record, not two.
  const key = useRef(idempotencyKey());

  const create = async (input: PersonInput) => {
    setError(null);
    try {
      const p = await api.post<Person>('/api/people', input, { 'Idempotency-Key': key.current });
      navigate(`/people/${p.id}`, { state: { notice: 'created' } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 400) key.current = idempotencyKey();
    }
  };

  const existingId =
    error instanceof ApiError && error.code === 'DUPLICATE_PERSON'
      ? error.details.find((d) => d.field === 'existingId')?.code
      : undefined;

  return (
    <section>
      <h1>{t('people.newTitle')}</h1>
      {existingId && (
        <p className="alert alert-warn">
          {t('people.duplicateExists')} <Link to={`/people/${existingId}`}>{t('people.openExisting')}</Link>
        </p>
      )}
      <div className="card">
        <PersonForm submitLabel={t('common.save')} onSubmit={create} error={error} />
      </div>
    </section>
  );
}
