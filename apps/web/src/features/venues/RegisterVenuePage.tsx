import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { Field, fieldMessage } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UnitPicker } from '../../components/UnitPicker';
import { currentLang } from '../../i18n';
import type { Venue } from './types';
import { useVenueKinds } from './venues.api';

/** Self-service registration of a check-in point. */
export default function RegisterVenuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kinds = useVenueKinds();
  const [f, setF] = useState({
    kind: 'shop',
    name: '',
    street: '',
    plateNumber: '',
    ownerPhone: '',
    hours: '',
  });
  const [staff, setStaff] = useState('');
  const [commune, setCommune] = useState<Unit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled form: a retry after a lost answer does not register the point twice.
  const key = useRef(crypto.randomUUID());
  const vehicle = kinds.find((k) => k.code === f.kind)?.vehicle ?? false;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        kind: f.kind,
        name: f.name,
        communeCode: commune?.code ?? '',
        street: f.street.trim() || undefined,
        plateNumber: vehicle ? f.plateNumber : undefined,
        ownerPhone: f.ownerPhone.trim() || undefined,
        staffPhones: staff
          .split(/\n|,/)
          .map((s) => s.trim())
          .filter(Boolean),
        requiresDeclarationHours: f.hours ? Number(f.hours) : undefined,
      };
      const v = await api.post<Venue>('/api/venues', body, { 'Idempotency-Key': key.current });
      navigate(`/venues/${v.id}`, { state: { registered: true } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const input = (k: keyof typeof f, label: string, props: Record<string, unknown> = {}) => (
    <Field
      label={label}
      name={k}
      value={f[k]}
      onChange={(e) => setF({ ...f, [k]: e.target.value })}
      error={error}
      {...props}
    />
  );
  const staffError = fieldMessage(error, 'staffPhones');

  return (
    <section className="narrow">
      <h1>{t('venues.registerTitle')}</h1>
      <p>{t('venues.registerIntro')}</p>
      <form onSubmit={submit} className="card" noValidate>
        <div className="field">
          <label htmlFor="venue-kind">{t('venues.kind')}</label>
          <select
            id="venue-kind"
            name="kind"
            value={f.kind}
            onChange={(e) => setF({ ...f, kind: e.target.value })}
          >
            {kinds.map((k) => (
              <option key={k.code} value={k.code}>
                {k[currentLang()]}
              </option>
            ))}
          </select>
        </div>
        {input('name', t('venues.name'), { required: true, autoComplete: 'organization' })}
        {vehicle && input('plateNumber', t('venues.plate'), { hint: t('venues.plateHint'), name: 'plate' })}
        <UnitPicker
          label={t('venues.commune')}
          name="communeCode"
          value={commune}
          onChange={setCommune}
          error={error}
          required
        />
        {input('street', t('venues.street'), { autoComplete: 'street-address' })}
        {input('ownerPhone', t('venues.ownerPhone'), { type: 'tel', hint: t('venues.ownerPhoneHint') })}
        <div className={staffError ? 'field field-invalid' : 'field'}>
          <label htmlFor="venue-staff">{t('venues.staffPhones')}</label>
          <textarea
            id="venue-staff"
            name="staffPhones"
            rows={3}
            value={staff}
            onChange={(e) => setStaff(e.target.value)}
          />
          <small className="hint">{t('venues.staffPhonesHint')}</small>
          {staffError && <small className="field-error">{staffError}</small>}
        </div>
        {input('hours', t('venues.requiresDeclaration'), {
          inputMode: 'numeric',
          hint: t('venues.requiresDeclarationHint'),
          name: 'requiresDeclarationHours',
        })}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('venues.register')}
        </button>
      </form>
      <ErrorBanner
        error={error}
        placed={['kind', 'name', 'plate', 'communeCode', 'street', 'ownerPhone', 'staffPhones']}
      />
    </section>
  );
}
