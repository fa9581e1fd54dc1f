import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person, PersonInput } from '../../api/types';
import { SelectField } from '../../components/Field';
import { idempotencyKey } from '../../components/format';
import { PersonForm } from '../people/PersonForm';

const RELATIONS = ['child', 'parent', 'spouse', 'grandparent', 'other'] as const;
type Relation = (typeof RELATIONS)[number];

/** Declares a relative without a phone (a child, an elderly parent) under this citizen. */
export function AddFamilyMember({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [relation, setRelation] = useState<Relation>('child');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const key = useRef(idempotencyKey());

  const add = async (input: PersonInput) => {
    setError(null);
    try {
      await api.post<Person>('/api/me/family', { ...input, relation }, { 'Idempotency-Key': key.current });
      key.current = idempotencyKey();
      setDone(true);
      setOpen(false);
      onAdded();
    } catch (err) {
      setError(err);
      key.current = idempotencyKey();
    }
  };

  return (
    <div>
      {done && (
        <p className="alert alert-ok" role="status">
          {t('citizen.familyAdded')}
        </p>
      )}
      {!open ? (
        <button
          type="button"
          className="btn-primary"
          onClick={() => {
            setOpen(true);
            setDone(false);
          }}
        >
          {t('citizen.addFamily')}
        </button>
      ) : (
        <div className="card">
          <h2>{t('citizen.addFamily')}</h2>
          <PersonForm
            submitLabel={t('citizen.addFamily')}
            onSubmit={add}
            error={error}
            hidePhones
            hideIdNumbers
            extra={
              <SelectField
                label={t('citizen.relation')}
                name="relation"
                value={relation}
                error={error}
                onChange={(v) => setRelation(v as Relation)}
              >
                {RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`citizen.relations.${r}`)}
                  </option>
                ))}
              </SelectField>
            }
          />
        </div>
      )}
    </div>
  );
}
