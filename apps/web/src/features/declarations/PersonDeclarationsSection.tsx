import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DeclarationList } from './DeclarationList';
import type { Declaration } from './types';

/** An officer's view of one person's declarations, on the person page (each load is audited). */
export function PersonDeclarationsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Declaration[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    api
      .get<{ items: Declaration[] }>(`/api/people/${personId}/declarations`)
      .then((r) => current && setItems(r.items))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId]);
  return (
    <section aria-labelledby="person-declarations">
      <h2 id="person-declarations">{t('declarations.personSection')}</h2>
      {error ? (
        <ErrorBanner error={error} />
      ) : items ? (
        <DeclarationList items={items} />
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </section>
  );
}
