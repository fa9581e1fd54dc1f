import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { DuplicateReason, Person, PersonSummary } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonResultList } from './PersonResultList';

interface Duplicate {
  person: PersonSummary;
  reasons: DuplicateReason[];
}

/** Possible duplicates of this record, each mergeable into it (the duplicate keeps a pointer here). */
export function DuplicatesSection({
  personId,
  onMerged,
}: {
  personId: string;
  onMerged: (p: Person) => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Duplicate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState(false);

  useEffect(() => {
    let current = true;
    api
      .get<{ items: Duplicate[] }>(`/api/people/${personId}/duplicates`)
      .then((r) => current && setItems(r.items))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId]);

  const merge = async (dup: PersonSummary) => {
    if (!window.confirm(t('people.mergeConfirm', { name: dup.fullName }))) return;
    setError(null);
    try {
      const merged = await api.post<Person>(`/api/people/${personId}/merge`, { duplicateId: dup.id });
      setItems((prev) => prev?.filter((d) => d.person.id !== dup.id) ?? null);
      setNotice(true);
      onMerged(merged);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="dup-title">
      <h2 id="dup-title">{t('people.duplicates')}</h2>
      <ErrorBanner error={error} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {t('people.merged')}
        </p>
      )}
      {items?.length === 0 && <p>{t('people.noDuplicates')}</p>}
      {items?.map((d) => (
        <div key={d.person.id} className="card">
          <PersonResultList items={[d.person]} />
          <p className="hint">{d.reasons.map((r) => t(`people.reasons.${r}`)).join(' · ')}</p>
          {!d.person.masked && (
            <button type="button" onClick={() => void merge(d.person)}>
              {t('people.merge')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
