import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NamedWaiting, NamedWaitingLine, RegisterNamedAnswer } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';

/** A 12-digit number is a CCCD, a 9-digit one a CMND: the line's number goes in the right box. */
const idOf = (line: NamedWaitingLine, digits: number) =>
  line.idNumbers.find((n) => n.length === digits) ?? '';

/** The form registering the person a line names, prefilled from what the case said. */
function RegisterForm({
  line,
  onDone,
}: {
  line: NamedWaitingLine;
  onDone: (r: RegisterNamedAnswer) => void;
}) {
  const { t } = useTranslation();
  const [fullName, setFullName] = useState(line.fullName ?? '');
  const [phone, setPhone] = useState(line.phones[0] ?? '');
  const [cccd, setCccd] = useState(idOf(line, 12));
  const [cmnd, setCmnd] = useState(idOf(line, 9));
  const [birthYear, setBirthYear] = useState('');
  const [sex, setSex] = useState<'male' | 'female' | 'other'>('other');
  const [communeCode, setCommuneCode] = useState(line.communeCode);
  const [street, setStreet] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const r = await api.post<RegisterNamedAnswer>(`/api/tracing/named/${line.id}/register`, {
        fullName: fullName.trim(),
        sex,
        ...(birthYear ? { birthYear: Number(birthYear) } : {}),
        ...(cccd.trim() ? { cccd: cccd.trim() } : {}),
        ...(cmnd.trim() ? { cmnd: cmnd.trim() } : {}),
        phones: phone.trim() ? [phone.trim()] : [],
        communeCode,
        ...(street.trim() ? { street: street.trim() } : {}),
      });
      onDone(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const p = `named-${line.id.slice(0, 8)}`;
  return (
    <form onSubmit={submit} aria-label={t('tracing.named.form')}>
      <ErrorBanner error={error} />
      <Field
        label={t('tracing.named.fullName')}
        name="fullName"
        value={fullName}
        required
        onChange={(e) => setFullName(e.target.value)}
        error={error}
      />
      <Field
        label={t('tracing.named.phone')}
        name="phones"
        value={phone}
        inputMode="tel"
        onChange={(e) => setPhone(e.target.value)}
        error={error}
      />
      <Field
        label="CCCD"
        name="cccd"
        value={cccd}
        inputMode="numeric"
        onChange={(e) => setCccd(e.target.value)}
        error={error}
      />
      <Field
        label="CMND"
        name="cmnd"
        value={cmnd}
        inputMode="numeric"
        onChange={(e) => setCmnd(e.target.value)}
        error={error}
      />
      <Field
        label={t('tracing.named.birthYear')}
        name="birthYear"
        value={birthYear}
        inputMode="numeric"
        onChange={(e) => setBirthYear(e.target.value)}
        error={error}
      />
      <div className="field">
        <label htmlFor={`${p}-sex`}>{t('tracing.named.sex')}</label>
        <select id={`${p}-sex`} value={sex} onChange={(e) => setSex(e.target.value as 'male')}>
          <option value="female">{t('tracing.named.female')}</option>
          <option value="male">{t('tracing.named.male')}</option>
          <option value="other">{t('tracing.named.other')}</option>
        </select>
      </div>
      <Field
        label={t('tracing.named.commune')}
        name="communeCode"
        value={communeCode}
        inputMode="numeric"
        onChange={(e) => setCommuneCode(e.target.value)}
        error={error}
      />
      <Field
        label={t('tracing.named.street')}
        name="street"
        value={street}
        onChange={(e) => setStreet(e.target.value)}
        error={error}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('tracing.named.register')}
      </button>
    </form>
  );
}

/**
 * The lines cases of the officer's area named that match nobody yet (or several people): what the
 * case said, and a form to register the person, prefilled; they then become a candidate of the case.
 */
export default function NamedWaitingPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<NamedWaitingLine[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<(RegisterNamedAnswer & { name: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    api
      .get<NamedWaiting>('/api/tracing/named')
      .then((r) => setItems(r.items))
      .catch(setError);
  useEffect(() => {
    void load();
  }, []);
  return (
    <section className="narrow">
      <h1>{t('tracing.named.title')}</h1>
      <p>{t('tracing.named.intro')}</p>
      <ErrorBanner error={error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {t('tracing.named.done', { name: done.name })}{' '}
          <Link to={`/tracing/cases/${done.caseId}`}>{t('tracing.openCase')}</Link>
        </p>
      )}
      {items && items.length === 0 && <p>{t('tracing.named.none')}</p>}
      <ul className="cards" aria-label={t('tracing.named.title')}>
        {(items ?? []).map((l) => (
          <li key={l.id} className="card" data-testid="named-line">
            <strong>{l.fullName ?? t('tracing.named.noName')}</strong>
            {l.status === 'ambiguous' && (
              <span className="badge badge-warn"> {t('tracing.named.ambiguous')}</span>
            )}
            <div>{[...l.phones, ...l.idNumbers].join(' · ')}</div>
            <div>
              {t('tracing.caseLabel', { id: l.caseId.slice(0, 8) })} · {formatDateTime(l.createdAt)}
            </div>
            {open === l.id ? (
              <RegisterForm
                line={l}
                onDone={(r) => {
                  // The server has registered the person: the line goes in the same render as the
                  // notice (a reload alone left it on screen for a moment, under the "done" line).
                  setOpen(null);
                  setItems((all) => (all ?? []).filter((x) => x.id !== l.id));
                  setDone({ ...r, name: l.fullName ?? '' });
                  void load();
                }}
              />
            ) : (
              <button type="button" className="btn" onClick={() => setOpen(l.id)}>
                {t('tracing.named.newPerson')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
