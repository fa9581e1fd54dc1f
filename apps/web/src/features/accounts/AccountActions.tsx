import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCreated } from '@phongdich/contracts/accounts';
import { api } from '../../api/client';
import type { AccountSummary } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { ChangeRoleForm } from './ChangeRoleForm';

type Panel = 'none' | 'password' | 'token' | 'role';

/** Row actions: enable/disable, change role and unit, reset the password, issue an API token (shown once). */
export function AccountActions({
  account,
  onChanged,
}: {
  account: AccountSummary;
  onChanged: (a: AccountSummary) => void;
}) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>('none');
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    }
  };
  const toggle = () =>
    run(async () =>
      onChanged(await api.patch(`/api/accounts/${account.id}`, { disabled: !account.disabled })),
    );
  const show = (p: Panel) => {
    setPanel(panel === p ? 'none' : p);
    setValue('');
    setToken(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (panel === 'password') {
        await api.post(`/api/accounts/${account.id}/reset-password`, { password: value });
        setNotice(t('accounts.passwordReset'));
      } else {
        const r = await api.post<TokenCreated>(`/api/accounts/${account.id}/tokens`, {
          name: value.trim(),
        });
        setToken(r.token);
      }
      setPanel('none');
    });
  };

  const name = account.username ?? account.displayName;
  return (
    <div>
      <div className="btn-row">
        <button
          type="button"
          onClick={() => void toggle()}
          aria-label={`${account.disabled ? t('accounts.enable') : t('accounts.disable')}: ${name}`}
        >
          {account.disabled ? t('accounts.enable') : t('accounts.disable')}
        </button>
        <button
          type="button"
          aria-expanded={panel === 'role'}
          onClick={() => show('role')}
          aria-label={`${t('accountsMore.changeRole')}: ${name}`}
        >
          {t('accountsMore.changeRole')}
        </button>
        <button
          type="button"
          aria-expanded={panel === 'password'}
          onClick={() => show('password')}
          aria-label={`${t('accounts.resetPassword')}: ${name}`}
        >
          {t('accounts.resetPassword')}
        </button>
        <button
          type="button"
          aria-expanded={panel === 'token'}
          onClick={() => show('token')}
          aria-label={`${t('accounts.createToken')}: ${name}`}
        >
          {t('accounts.createToken')}
        </button>
      </div>
      <ErrorBanner error={error} placed={['password', 'name']} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {token && (
        <div className="alert alert-warn" role="status">
          {t('accounts.tokenShownOnce')}
          <div className="secret" data-testid="new-token">
            {token}
          </div>
        </div>
      )}
      {panel === 'role' && (
        <ChangeRoleForm
          account={account}
          onChanged={(a) => {
            onChanged(a);
            setNotice(t('accountsMore.changed'));
            setPanel('none');
          }}
        />
      )}
      {(panel === 'password' || panel === 'token') && (
        <form onSubmit={submit} noValidate>
          <Field
            label={panel === 'password' ? t('accounts.newPassword') : t('accounts.tokenName')}
            name={panel === 'password' ? 'password' : 'name'}
            type={panel === 'password' ? 'password' : 'text'}
            autoComplete={panel === 'password' ? 'new-password' : 'off'}
            required
            value={value}
            error={error}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="btn-primary">
            {t('common.save')}
          </button>
        </form>
      )}
    </div>
  );
}
