import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PersonSearchResult } from '@phongdich/contracts/people';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** An officer enters a case confirmed elsewhere, or an F1's positive rapid test where the rule allows. */
export default function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonSearchResult['items']>([]);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [kind, setKind] = useState<'manual' | 'rapid_test_of_contact'>('manual');
  const [isContact, setIsContact] = useState(false);
  const [symptomatic, setSymptomatic] = useState(false);
  const [sampleDate, setSampleDate] = useState(today());
  const [confirmedBy, setConfirmedBy] = useState('');
  // One key per case being entered: a double tap or a retry never enters it twice.
  const [key] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);

  async function search(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setFound((await api.post<PersonSearchResult>('/api/people/search', { q })).items);
    } catch (err) {
      setError(err);
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!person) return;
    setError(null);
    try {
      const res = await api.post<{ id: string }>(
        '/api/cases',
        {
          personId: person.id,
          kind,
          sampleDate,
          ...(confirmedBy ? { confirmedBy } : {}),
          ...(kind === 'rapid_test_of_contact' ? { isContact, symptomatic } : {}),
        },
        { 'Idempotency-Key': key },
      );
      navigate(`/cases/${res.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="narrow">
      <h1>{t('cases.manual.title')}</h1>
      <p>{t('cases.manual.intro')}</p>
      <ErrorBanner error={error} />
      <form onSubmit={search}>
        <Field label={t('cases.manual.search')} name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">{t('cases.manual.find')}</button>
      </form>
      <ul className="cards">
        {found.map((p) => (
          <li key={p.id} className="card">
            {p.fullName} ({p.birthYear}){' '}
            {!p.masked && (
              <button type="button" onClick={() => setPerson({ id: p.id, name: p.fullName })}>
                {t('cases.manual.choose')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {person && (
        <form onSubmit={save}>
          <p>{t('cases.manual.chosen', { name: person.name })}</p>
          <div className="field">
            <label htmlFor="case-kind">{t('cases.manual.kind')}</label>
            <select id="case-kind" value={kind} onChange={(e) => setKind(e.target.value as 'manual')}>
              <option value="manual">{t('cases.manual.kindManual')}</option>
              <option value="rapid_test_of_contact">{t('cases.manual.kindRapid')}</option>
            </select>
          </div>
          {kind === 'rapid_test_of_contact' && (
            <>
              <label className="check">
                <input type="checkbox" checked={isContact} onChange={(e) => setIsContact(e.target.checked)} />{' '}
                {t('cases.manual.isContact')}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={symptomatic}
                  onChange={(e) => setSymptomatic(e.target.checked)}
                />{' '}
                {t('cases.manual.symptomatic')}
              </label>
            </>
          )}
          <Field
            label={t('cases.manual.sampleDate')}
            name="sampleDate"
            type="date"
            value={sampleDate}
            onChange={(e) => setSampleDate(e.target.value)}
            error={error}
          />
          <Field
            label={t('cases.manual.confirmedBy')}
            name="confirmedBy"
            value={confirmedBy}
            onChange={(e) => setConfirmedBy(e.target.value)}
            error={error}
          />
          <button type="submit">{t('cases.manual.save')}</button>
        </form>
      )}
    </section>
  );
}
