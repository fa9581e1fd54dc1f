import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { PersonSummary, Unit } from '../../api/types';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UnitPicker } from '../../components/UnitPicker';
import { PersonResultList } from './PersonResultList';

interface SearchResult {
  items: PersonSummary[];
  nextCursor: string | null;
}

/** Search terms are personal data: they travel in a POST body, never in the URL. */
export default function PeopleSearchPage() {
  const { t } = useTranslation();
  const [f, setF] = useState({ q: '', idNumber: '', phone: '', birthYear: '' });
  const [commune, setCommune] = useState<Unit | null>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const body = () => ({
    q: f.q.trim() || undefined,
    idNumber: f.idNumber.trim() || undefined,
    phone: f.phone.trim() || undefined,
    birthYear: f.birthYear ? Number(f.birthYear) : undefined,
    communeCode: commune?.code,
    limit: 20,
  });

  const run = async (cursor?: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<SearchResult>('/api/people/search', { ...body(), cursor });
      setResult((prev) =>
        cursor && prev ? { items: [...prev.items, ...r.items], nextCursor: r.nextCursor } : r,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run();
  };
  const input = (k: keyof typeof f, label: string, props: Record<string, unknown> = {}) => (
    <Field
      label={label}
      name={k}
      value={f[k]}
      onChange={(e) => setF({ ...f, [k]: e.target.value })}
      error={error}
      {...props}
    />
  );

  return (
    <section>
      <h1>{t('people.searchTitle')}</h1>
      <form onSubmit={submit} className="card" role="search" noValidate>
        <div className="form-grid">
          {input('q', t('people.name'), { type: 'search', autoComplete: 'off' })}
          {input('idNumber', t('people.idNumber'), { autoComplete: 'off' })}
          {input('phone', t('people.phone'), { type: 'tel', autoComplete: 'off' })}
          {input('birthYear', t('people.birthYear'), { inputMode: 'numeric', maxLength: 4 })}
          <UnitPicker label={t('people.commune')} name="communeCode" value={commune} onChange={setCommune} />
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('common.search')}
        </button>
      </form>
      <ErrorBanner error={error} placed={['q', 'idNumber', 'phone', 'birthYear']} />
      {result && (
        <>
          <h2>{t('people.results')}</h2>
          {result.items.length === 0 ? (
            <p>{t('common.noResults')}</p>
          ) : (
            <PersonResultList items={result.items} />
          )}
          {result.nextCursor && (
            <button type="button" disabled={busy} onClick={() => void run(result.nextCursor ?? undefined)}>
              {t('common.loadMore')}
            </button>
          )}
        </>
      )}
      <p>
        <Link to="/people/new">{t('nav.newPerson')}</Link>
      </p>
    </section>
  );
}
