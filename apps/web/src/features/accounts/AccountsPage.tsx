import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLES } from '@phongdich/contracts';
import type { AccountList } from '@phongdich/contracts/accounts';
import { api } from '../../api/client';
import { useLatestRequest } from '../../api/useLatestRequest';
import type { AccountSummary } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { UnitPicker } from '../../components/UnitPicker';
import type { Unit } from '../../api/types';
import { currentLang } from '../../i18n';
import { AccountActions } from './AccountActions';
import { CreateAccountForm } from './CreateAccountForm';

const PAGE = 50;

/** Staff accounts within the administrator's reach: list, create, disable, reset, API tokens. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [role, setRole] = useState('');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [q, setQ] = useState('');
  const [data, setData] = useState<{ items: AccountSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const begin = useLatestRequest();
  const load = useCallback(async () => {
    const isLatest = begin();
    setError(null);
    try {
      const r = await api.get<AccountList>('/api/accounts', {
        role,
        unitCode: unit?.code,
        q: q.trim() || undefined,
        limit: PAGE,
        offset: 0,
      });
      if (isLatest()) setData(r);
    } catch (err) {
      if (isLatest()) setError(err);
    }
  }, [role, unit, q, begin]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  // An update's answer does not carry the last sign-in: keep the one the list showed.
  const replace = (a: AccountSummary) =>
    setData(
      (d) =>
        d && {
          ...d,
          items: d.items.map((x) =>
            x.id === a.id ? { ...a, lastSignInAt: a.lastSignInAt ?? x.lastSignInAt } : x,
          ),
        },
    );

  return (
    <section>
      <h1>{t('accounts.title')}</h1>
      <CreateAccountForm onCreated={() => void load()} />
      <h2>{t('accounts.title')}</h2>
      <div className="form-grid">
        <SelectField label={t('accounts.filterRole')} name="role" value={role} onChange={setRole}>
          <option value="">{t('common.all')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('accountsMore.search')}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <UnitPicker
          label={t('accountsMore.filterUnit')}
          name="unitCode"
          level="any"
          value={unit}
          onChange={setUnit}
        />
      </div>
      <ErrorBanner error={error} />
      {data && <p>{t('accounts.total', { total: data.total })}</p>}
      <ul className="cards">
        {data?.items.map((a) => (
          <li key={a.id} className="card" data-testid="account-row">
            <strong>{a.displayName}</strong> <span className="hint">{a.username ?? ''}</span>{' '}
            <span className={a.disabled ? 'badge badge-danger' : 'badge'}>
              {a.disabled ? t('accounts.disabled') : t('accounts.active')}
            </span>
            {a.lockedUntil && new Date(a.lockedUntil) > new Date() && (
              <span className="badge badge-warn">{t('accounts.locked')}</span>
            )}
            <div className="hint">
              {[ROLE_LABELS[a.role]?.[lang] ?? a.role, a.unitName].filter(Boolean).join(' · ')}
            </div>
            <div className="hint" data-testid="account-security">
              {a.totpEnabled ? t('accountsMore.totpOn') : t('accountsMore.totpOff')} ·{' '}
              {a.lastSignInAt
                ? t('accountsMore.lastSignIn', { at: formatDateTime(a.lastSignInAt) })
                : t('accountsMore.neverSignedIn')}
            </div>
            <AccountActions account={a} onChanged={replace} />
          </li>
        ))}
      </ul>
    </section>
  );
}
