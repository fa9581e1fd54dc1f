import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { PersonSummary } from '@phongdich/contracts/people';

type Found = PersonSummary;

/** For a person with no code on them: find them by name (without diacritics) and birth year. */
export function PersonSearchPicker({ onPick }: { onPick: (p: { id: string; label: string }) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [items, setItems] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const search = async () => {
    setError(null);
    try {
      const r = await api.post<{ items: Found[] }>('/api/people/search', {
        q: q.trim(),
        ...(birthYear ? { birthYear: Number(birthYear) } : {}),
        limit: 10,
      });
      setItems(r.items);
    } catch (err) {
      setError(err);
    }
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('sampling.sampler.searchToggle')}
      </button>
    );
  }
  return (
    <div className="card" role="group" aria-label={t('sampling.sampler.searchToggle')}>
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="sample-search-name">{t('sampling.sampler.searchName')}</label>
        <input
          id="sample-search-name"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches; it never links a sample (linking is its own button on the sampler page).
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="sample-search-year">{t('sampling.sampler.searchBirthYear')}</label>
        <input
          id="sample-search-year"
          inputMode="numeric"
          value={birthYear}
          onChange={(e) => setBirthYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
        />
      </div>
      <button type="button" onClick={() => void search()}>
        {t('sampling.sampler.searchButton')}
      </button>
      {items && items.length === 0 && <p>{t('common.noResults')}</p>}
      <ul className="cards">
        {items?.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => {
                onPick({ id: p.id, label: `${p.fullName} (${p.birthYear})` });
                setOpen(false);
                setItems(null);
              }}
            >
              {t('sampling.sampler.pick')}: {p.fullName} · {p.birthYear} · {p.communeName ?? ''}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
