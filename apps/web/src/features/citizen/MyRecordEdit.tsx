import { useTranslation } from 'react-i18next';
import type { Person, PersonInput } from '../../api/types';
import { PersonEditCard } from '../people/PersonEditCard';

/**
 * The citizen edits their own record through PATCH /api/me/person. Identity numbers are not sent: the
 * commune officer who sees the papers changes them, and the server refuses them here. An emptied
 * optional field is sent as null so that it is cleared.
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
  const toBody = (input: PersonInput) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { cccd, cmnd, passport, bhyt, ...editable } = input;
    return { ...editable, birthDate: editable.birthDate ?? null, street: editable.street ?? null };
  };
  return (
    <PersonEditCard
      person={person}
      path="/api/me/person"
      toBody={toBody}
      title={t('citizenMore.editTitle')}
      titleId="my-record-edit-title"
      saveLabel={t('common.save')}
      cancelLabel={t('citizenMore.cancelEdit')}
      hidePhones
      hideIdNumbers
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
