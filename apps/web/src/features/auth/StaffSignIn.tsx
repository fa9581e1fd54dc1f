import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';

/** Username and password; the two-factor field appears once the server answers TOTP_REQUIRED. */
export function StaffSignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ account: Me }>('/api/auth/login', {
        username: username.trim(),
        password,
        ...(needTotp && totp ? { totp: totp.trim() } : {}),
      });
      onSignedIn(r.account);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TOTP_REQUIRED' && !needTotp) {
        setNeedTotp(true); // first time: ask for the code without showing an error
      } else {
        setError(err);
      }
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorBanner error={error} placed={['username', 'password', 'totp']} />
      <Field
        label={t('signIn.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={error}
      />
      <Field
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error}
      />
      {needTotp && (
        <Field
          label={t('signIn.totp')}
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          hint={t('signIn.totpHint')}
          required
          autoFocus
          value={totp}
          onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
          error={error}
        />
      )}
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('signIn.title')}
      </button>
    </form>
  );
}
