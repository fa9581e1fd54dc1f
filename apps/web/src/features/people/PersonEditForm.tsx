import { useTranslation } from 'react-i18next';
import type { Person, PersonInput } from '../../api/types';
import { PersonEditCard } from './PersonEditCard';

const orNull = <T,>(v: T | undefined) => v ?? null;

/**
 * An officer edits a record. An emptied optional field is sent as null so that it is cleared, not
 * kept (absent fields keep their value).
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
  const toBody = (input: PersonInput) => ({
    ...input,
    birthDate: orNull(input.birthDate),
    cccd: orNull(input.cccd),
    cmnd: orNull(input.cmnd),
    passport: orNull(input.passport),
    bhyt: orNull(input.bhyt),
    street: orNull(input.street),
  });
  return (
    <PersonEditCard
      person={person}
      path={`/api/people/${person.id}`}
      toBody={toBody}
      title={t('personPage.editTitle')}
      titleId="person-edit-title"
      saveLabel={t('common.save')}
      cancelLabel={t('personPage.cancel')}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
