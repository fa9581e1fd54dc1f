import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person, PersonInput } from '../../api/types';
import { PersonForm } from '../people/PersonForm';

/**
 * The citizen edits their own record through PATCH /api/me/person with the version read (a stale one
 * gets 409). Identity numbers are not sent: the commune officer who sees the papers changes them, and
 * the server refuses them here. An emptied optional field is sent as null so that it is cleared.
 */
export function MyRecordEdit({
  person,
  onSaved,
  onCancel,
}: {
  person: Person;
  onSaved: (p: Person) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);

  const save = async (input: PersonInput) => {
    setError(null);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { cccd, cmnd, passport, bhyt, ...editable } = input;
    try {
      const saved = await api.patch<Person>('/api/me/person', {
        ...editable,
        birthDate: editable.birthDate ?? null,
        street: editable.street ?? null,
        version: person.version,
      });
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="my-record-edit-title" className="card">
      <h2 id="my-record-edit-title">{t('citizenMore.editTitle')}</h2>
      <PersonForm
        initial={person}
        submitLabel={t('common.save')}
        onSubmit={save}
        error={error}
        hidePhones
        hideIdNumbers
      />
      <button type="button" onClick={onCancel}>
        {t('citizenMore.cancelEdit')}
      </button>
    </section>
  );
}
