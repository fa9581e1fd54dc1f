import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/Field';
import { DeclarationForm } from './DeclarationForm';
import { DeclarationList } from './DeclarationList';
import { DeclarationResult } from './DeclarationResult';
import type { Declaration, DeclarationKind, SubmitResult } from './types';

const KINDS: DeclarationKind[] = ['domestic', 'movement', 'entry'];

/** The citizen's "Khai báo y tế": for themselves or a family member, any of the three kinds. */
export default function DeclarePage() {
  const { t } = useTranslation();
  const [me, setMe] = useState<{ person: Person | null; family: Person[] } | null>(null);
  const [history, setHistory] = useState<Declaration[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [kind, setKind] = useState<DeclarationKind>('domestic');
  const [personId, setPersonId] = useState('');
  const [result, setResult] = useState<SubmitResult | null>(null);

  const loadHistory = useCallback(() => {
    api
      .get<{ items: Declaration[] }>('/api/me/declarations')
      .then((r) => setHistory(r.items))
      .catch((e: unknown) => setError(e));
  }, []);
  useEffect(() => {
    api
      .get<{ person: Person | null; family: Person[] }>('/api/me/person')
      .then(setMe)
      .catch((e: unknown) => setError(e));
    loadHistory();
  }, [loadHistory]);

  if (error) return <ErrorBanner error={error} />;
  if (!me) return <p role="status">{t('app.loading')}</p>;
  if (!me.person) {
    return (
      <section>
        <h1>{t('declarations.title')}</h1>
        <p>{t('declarations.noOwnRecord')}</p>
        <Link className="btn btn-primary" to="/me">
          {t('declarations.goToRecord')}
        </Link>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{t('declarations.title')}</h1>
      {result ? (
        <DeclarationResult result={result} onAgain={() => setResult(null)} />
      ) : (
        <div className="card">
          <SelectField
            label={t('declarations.forWhom')}
            name="personId"
            value={personId}
            onChange={setPersonId}
          >
            <option value="">
              {t('declarations.self')} — {me.person.fullName}
            </option>
            {me.family.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fullName}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('declarations.kind')}
            name="kind"
            value={kind}
            onChange={(v) => setKind(v as DeclarationKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`declarations.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <DeclarationForm
            kind={kind}
            extra={personId ? { personId } : {}}
            onSubmitted={(r) => {
              setResult(r);
              loadHistory();
            }}
          />
        </div>
      )}
      <h2>{t('declarations.history')}</h2>
      <DeclarationList items={history} />
    </section>
  );
}
