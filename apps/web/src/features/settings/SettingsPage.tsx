import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { TotpSetup } from '@phongdich/contracts/accounts';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAuth } from '../../auth/AuthContext';

function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/api/auth/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="pw-title">
      <h2 id="pw-title">{t('settings.password.title')}</h2>
      <ErrorBanner error={error} placed={['currentPassword', 'newPassword']} />
      <Field
        label={t('settings.password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={error}
      />
      <Field
        label={t('settings.password.next')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('settings.password.hint')}
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={error}
      />
      <button type="submit">{t('settings.password.submit')}</button>
      {done && <p role="status">{t('settings.password.done')}</p>}
    </form>
  );
}

function TotpSetup({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(enabled);
  const start = async () => {
    setError(null);
    try {
      const r = await api.post<TotpSetup>('/api/auth/totp/setup', {});
      setSetup({ secret: r.secret, qr: await QRCode.toDataURL(r.otpauthUrl, { margin: 1, width: 220 }) });
    } catch (err) {
      setError(err);
    }
  };
  const enable = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/api/auth/totp/enable', { code: code.trim() });
      setDone(true);
      setSetup(null);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="totp-title">
      <h2 id="totp-title">{t('settings.totp.title')}</h2>
      <ErrorBanner error={error} placed={['code']} />
      {done ? (
        <p role="status">{t('settings.totp.enabled')}</p>
      ) : setup ? (
        <form onSubmit={enable} noValidate>
          <p>{t('settings.totp.scan')}</p>
          <img src={setup.qr} alt={t('settings.totp.qrAlt')} width={220} height={220} />
          <p>
            {t('settings.totp.secret')}: <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <Field
            label={t('settings.totp.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error}
          />
          <button type="submit">{t('settings.totp.enable')}</button>
        </form>
      ) : (
        <>
          <p>{t('settings.totp.intro')}</p>
          <button type="button" onClick={() => void start()}>
            {t('settings.totp.start')}
          </button>
        </>
      )}
    </section>
  );
}

/** Staff account security: password change and optional two-factor sign-in. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <PasswordForm />
      <TotpSetup enabled={Boolean(me?.totpEnabled)} />
    </section>
  );
}
