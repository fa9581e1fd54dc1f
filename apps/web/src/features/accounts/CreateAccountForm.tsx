import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLES, type Role } from '@phongdich/contracts';
import { api } from '../../api/client';
import type { AccountSummary, Unit } from '../../api/types';
import { UnitPicker } from '../../components/UnitPicker';
import { unitLevelForRole } from './i18n';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { currentLang } from '../../i18n';

const STAFF_ROLES = ROLES.filter((r) => r !== 'citizen');
const EMPTY = {
  username: '',
  displayName: '',
  role: 'commune_officer' as Role,
  unit: null as Unit | null,
  password: '',
};

export function CreateAccountForm({ onCreated }: { onCreated: (a: AccountSummary) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const a = await api.post<AccountSummary>('/api/accounts', {
        username: f.username.trim(),
        displayName: f.displayName.trim(),
        role: f.role,
        unitCode: unitLevelForRole(f.role) === 'none' ? null : (f.unit?.code ?? null),
        password: f.password,
      });
      setCreated(a.username ?? a.displayName);
      setF(EMPTY);
      onCreated(a);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const level = unitLevelForRole(f.role);
  const text = (k: 'username' | 'displayName' | 'password', label: string, props = {}) => (
    <Field
      label={label}
      name={k}
      value={f[k]}
      error={error}
      required
      onChange={(e) => setF({ ...f, [k]: e.target.value })}
      {...props}
    />
  );

  return (
    <details className="card">
      <summary>
        <strong>{t('accounts.create')}</strong>
      </summary>
      <form onSubmit={submit} noValidate>
        <ErrorBanner error={error} placed={['username', 'displayName', 'role', 'unitCode', 'password']} />
        {created && (
          <p className="alert alert-ok" role="status">
            {t('accounts.created', { username: created })}
          </p>
        )}
        <div className="form-grid">
          {text('username', t('accounts.username'), { autoComplete: 'off', autoCapitalize: 'none' })}
          {text('displayName', t('accounts.displayName'))}
          <SelectField
            label={t('accounts.role')}
            name="role"
            value={f.role}
            error={error}
            required
            onChange={(v) => setF({ ...f, role: v as Role, unit: null })}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r][currentLang()]}
              </option>
            ))}
          </SelectField>
          {level === 'none' ? (
            <p className="hint">{t('accountsMore.nationalUnit')}</p>
          ) : (
            <UnitPicker
              label={t('accounts.unit')}
              name="unitCode"
              level={level}
              value={f.unit}
              error={error}
              onChange={(unit) => setF({ ...f, unit })}
            />
          )}
          {text('password', t('accounts.password'), { type: 'password', autoComplete: 'new-password' })}
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('accounts.create')}
        </button>
      </form>
    </details>
  );
}
