import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Unit } from '../api/types';
import { currentLang } from '../i18n';
import { fieldMessage } from './Field';
import { withAncestors } from './unit-path';

interface Props {
  label: string;
  name: string;
  value: Unit | null;
  onChange: (unit: Unit | null) => void;
  /** 3 = communes (default); 'any' = provinces, districts and communes. */
  level?: 1 | 2 | 3 | 'any';
  error?: unknown;
  required?: boolean;
}

export function unitLabel(u: Unit): string {
  return currentLang() === 'en' ? u.fullNameEn || u.fullName : u.fullName;
}

/** "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội": the unit, then its district and province. */
export function unitPathLabel(u: Unit, ancestors: Unit[]): string {
  return [u, ...[...ancestors].sort((a, b) => b.level - a.level)].map(unitLabel).join(', ');
}

/**
 * Search-as-you-type over /api/units (diacritics-insensitive on the server), then pick one. Each choice
 * shows its district and province, so two communes of the same name are told apart; no code is typed.
 */

export function UnitPicker({ label, name, value, onChange, level = 3, error, required }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<{ unit: Unit; ancestors: Unit[] }[]>([]);
  const [selectedPath, setSelectedPath] = useState<Unit[]>([]);
  const message = fieldMessage(error, name);

  useEffect(() => {
    if (q.trim().length < 2) return setItems([]);
    let current = true;
    const timer = setTimeout(() => {
      api
        .get<{ items: Unit[] }>('/api/units', {
          q: q.trim(),
          level: level === 'any' ? undefined : level,
          limit: 10,
        })
        .then((r) => withAncestors(r.items))
        .then((r) => current && setItems(r))
        .catch(() => current && setItems([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, level]);

  // A value set from outside (an existing record) gets its path too.
  useEffect(() => {
    let current = true;
    if (!value) return setSelectedPath([]);
    void withAncestors([value]).then((r) => current && setSelectedPath(r[0]?.ancestors ?? []));
    return () => {
      current = false;
    };
  }, [value]);

  if (value) {
    return (
      <div className="field">
        <span className="label-like" id={`${id}-label`}>
          <strong>{label}</strong>
        </span>
        <div className="btn-row" style={{ margin: 0, alignItems: 'center' }}>
          <span aria-labelledby={`${id}-label`} data-testid={`${name}-selected`}>
            {unitPathLabel(value, selectedPath)}
          </span>
          <button type="button" className="btn-link" onClick={() => onChange(null)}>
            {t('units.clear')}
          </button>
        </div>
        {message && <small className="field-error">{message}</small>}
      </div>
    );
  }

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
        placeholder={t('units.pickerSearch')}
        required={required}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-invalid={!!message}
      />
      {message && <small className="field-error">{message}</small>}
      {items.length > 0 && (
        <ul id={`${id}-list`} className="picker-list" role="listbox" aria-label={label}>
          {items.map(({ unit, ancestors }) => (
            <li key={unit.code} role="option" aria-selected={false}>
              <button
                type="button"
                onClick={() => {
                  onChange(unit);
                  setQ('');
                }}
              >
                {unitPathLabel(unit, ancestors)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
