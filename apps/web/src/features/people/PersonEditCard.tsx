import { useState } from 'react';
import { api } from '../../api/client';
import type { Person, PersonInput } from '../../api/types';
import { PersonForm } from './PersonForm';

/**
 * A person's record in an edit card: the form filled from the record, saved through an audited PATCH
 * with the version read (a stale one gets 409), a cancel button. Who edits decides the path, the
 * fields sent and the fields shown (the officer's person page, the citizen's own record).
 */
export function PersonEditCard({
  person,
  path,
  toBody,
  title,
  titleId,
  cancelLabel,
  saveLabel,
  hidePhones,
  hideIdNumbers,
  onSaved,
  onCancel,
}: {
  person: Person;
  path: string;
  toBody: (input: PersonInput) => Record<string, unknown>;
  title: string;
  titleId: string;
  cancelLabel: string;
  saveLabel: string;
  hidePhones?: boolean;
  hideIdNumbers?: boolean;
  onSaved: (p: Person) => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<unknown>(null);

  const save = async (input: PersonInput) => {
    setError(null);
    try {
      onSaved(await api.patch<Person>(path, { ...toBody(input), version: person.version }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{title}</h2>
      <PersonForm
        initial={person}
        submitLabel={saveLabel}
        onSubmit={save}
        error={error}
        hidePhones={hidePhones}
        hideIdNumbers={hideIdNumbers}
      />
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </section>
  );
}
