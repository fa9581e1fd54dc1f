import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { normalizeVnMobile } from '@phongdich/domain';
import { api } from '../../api/client';
import type { Me, OtpRequested } from '../../api/types';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';

/** Phone → one-time code → signed in. The account is created by the server on first sign-in. */
export function CitizenSignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<OtpRequested | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [phoneInvalid, setPhoneInvalid] = useState(false);

  const requestCode = async (e: FormEvent) => {
    e.preventDefault();
    if (!normalizeVnMobile(phone)) return setPhoneInvalid(true);
    setPhoneInvalid(false);
    setBusy(true);
    setError(null);
    try {
      setSent(await api.post<OtpRequested>('/api/auth/otp/request', { phone }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ account: Me }>('/api/auth/otp/verify', { phone, code: code.trim() });
      onSignedIn(r.account);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  if (!sent) {
    return (
      <form onSubmit={requestCode} noValidate>
        <ErrorBanner error={error} placed={['phone', 'code']} />
        <Field
          label={t('signIn.phone')}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          hint={t('signIn.phoneHint')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={error}
          localError={phoneInvalid ? t('signIn.invalidPhone') : null}
        />
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('signIn.requestCode')}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={verify} noValidate>
      <p role="status">
        {t('signIn.codeSent', {
          phone: normalizeVnMobile(phone) ?? phone,
          minutes: Math.round(sent.expiresInSeconds / 60),
        })}
      </p>
      {sent.devInbox && (
        <p>
          <Link to="/dev/inbox" target="_blank" rel="noopener">
            {t('signIn.devInboxLink')}
          </Link>
        </p>
      )}
      <ErrorBanner error={error} placed={['phone', 'code']} />
      <Field
        label={t('signIn.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        error={error}
      />
      <button type="submit" className="btn-primary" disabled={busy || code.length !== 6}>
        {t('signIn.verify')}
      </button>
      <button
        type="button"
        className="btn-link"
        onClick={() => {
          setSent(null);
          setCode('');
          setError(null);
        }}
      >
        {t('signIn.changePhone')}
      </button>
    </form>
  );
}
