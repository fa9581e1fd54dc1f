import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person, PersonInput } from '../../api/types';
import { PersonForm } from './PersonForm';

/**
 * Editing a record through the audited PATCH with the version read (a stale one gets 409). An emptied
 * optional field is sent as null so that it is cleared, not kept (absent fields keep their value).
 */
export function PersonEditForm({
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
    const orNull = <T,>(v: T | undefined) => v ?? null;
    try {
      const saved = await api.patch<Person>(`/api/people/${person.id}`, {
        ...input,
        birthDate: orNull(input.birthDate),
        cccd: orNull(input.cccd),
        cmnd: orNull(input.cmnd),
        passport: orNull(input.passport),
        bhyt: orNull(input.bhyt),
        street: orNull(input.street),
        version: person.version,
      });
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="person-edit-title" className="card">
      <h2 id="person-edit-title">{t('personPage.editTitle')}</h2>
      <PersonForm initial={person} submitLabel={t('common.save')} onSubmit={save} error={error} />
      <button type="button" onClick={onCancel}>
        {t('personPage.cancel')}
      </button>
    </section>
  );
}
