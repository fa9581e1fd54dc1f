import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { countryName, searchCountries } from './countries';
import { fieldMessage } from './Field';

interface Props {
  label: string;
  name: string;
  /** ISO 3166-1 alpha-2 code, or '' for none chosen. */
  value: string;
  onChange: (code: string) => void;
  error?: unknown;
}

/** A country chosen by its name in the reader's language (typed with or without diacritics), never a code. */
export function CountryPicker({ label, name, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const lang = currentLang() === 'en' ? 'en' : 'vi';
  const message = fieldMessage(error, name);

  if (value) {
    return (
      <div className="field">
        <span className="label-like" id={`${id}-label`}>
          <strong>{label}</strong>
        </span>
        <div className="btn-row" style={{ margin: 0, alignItems: 'center' }}>
          <span aria-labelledby={`${id}-label`} data-testid={`${name}-selected`}>
            {countryName(lang, value)}
          </span>
          <button type="button" className="btn-link" onClick={() => onChange('')}>
            {t('units.clear')}
          </button>
        </div>
        {message && <small className="field-error">{message}</small>}
      </div>
    );
  }

  const items = searchCountries(lang, q);
  return (
    <div className={message ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        placeholder={t('citizenMore.countrySearch')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-invalid={!!message}
      />
      {message && <small className="field-error">{message}</small>}
      {q.trim() && items.length === 0 && <small className="hint">{t('citizenMore.countryNone')}</small>}
      {items.length > 0 && (
        <ul id={`${id}-list`} className="picker-list" role="listbox" aria-label={label}>
          {items.map((c) => (
            <li key={c.code} role="option" aria-selected={false}>
              <button
                type="button"
                onClick={() => {
                  onChange(c.code);
                  setQ('');
                }}
              >
                {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
