import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonInput, Sex, Unit } from '../../api/types';
import { Field, SelectField } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UnitPicker } from '../../components/UnitPicker';
import { CountryPicker } from '../../components/CountryPicker';
import { currentLang } from '../../i18n';
import { personHints } from './person-validation';

interface Props {
  submitLabel: string;
  onSubmit: (input: PersonInput) => Promise<void>;
  error: unknown;
  /** Citizens' own record: the phone is the signed-in one, so the field is hidden. */
  hidePhones?: boolean;
  /** A citizen's relative: identity numbers are added by the officer who sees the papers. */
  hideIdNumbers?: boolean;
  /** Extra fields (e.g. the family relation) placed before the submit button. */
  extra?: ReactNode;
  /** Editing: the stored record fills the fields. */
  initial?: Person;
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * The stored commune as the picker's value (its path is looked up by the picker). A commune code the
 * unit table no longer names comes back with no name: the code stands in for it.
 */
const communeOf = (p: Person): Unit => {
  const name = p.communeName ?? p.communeCode;
  return {
    code: p.communeCode,
    level: 3,
    name,
    nameEn: name,
    fullName: name,
    fullNameEn: name,
    type: '',
    parentCode: p.districtCode,
    provinceCode: p.provinceCode,
    districtCode: p.districtCode,
  };
};

/** The person form shared by officers (/people/new) and citizens (/me), with field-level errors. */
export function PersonForm({
  submitLabel,
  onSubmit,
  error,
  hidePhones,
  hideIdNumbers,
  extra,
  initial: p,
}: Props) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    fullName: p?.fullName ?? '',
    birthDate: p?.birthDate ?? '',
    birthYear: p?.birthYear ? String(p.birthYear) : '',
    sex: p?.sex ?? ('female' as Sex),
    nationality: p?.nationality ?? 'VN',
    cccd: p?.cccd ?? '',
    cmnd: p?.cmnd ?? '',
    passport: p?.passport ?? '',
    bhyt: p?.bhyt ?? '',
    phones: p?.phones.join(', ') ?? '',
    street: p?.street ?? '',
  });
  const [commune, setCommune] = useState<Unit | null>(() => (p ? communeOf(p) : null));
  const [hints, setHints] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: PersonInput = {
      fullName: f.fullName.trim(),
      birthDate: optional(f.birthDate),
      birthYear: f.birthDate
        ? Number(f.birthDate.slice(0, 4))
        : f.birthYear
          ? Number(f.birthYear)
          : undefined,
      sex: f.sex,
      nationality: optional(f.nationality),
      cccd: optional(f.cccd),
      cmnd: optional(f.cmnd),
      passport: optional(f.passport),
      bhyt: optional(f.bhyt),
      phones: hidePhones
        ? undefined
        : f.phones
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
      communeCode: commune?.code ?? '',
      street: optional(f.street),
    };
    const found = personHints(input, currentLang());
    setHints(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      // The server takes a full date or, when only the year is known, the year.
      await onSubmit(input.birthDate ? { ...input, birthYear: undefined } : input);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof typeof f, label: string, props: Record<string, unknown> = {}) => (
    <Field
      label={label}
      name={name}
      value={f[name]}
      onChange={set(name)}
      error={error}
      localError={hints[name]}
      {...props}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <ErrorBanner error={error} placed={[...Object.keys(f), 'communeCode', 'relation']} />
      <div className="form-grid">
        {text('fullName', t('people.fullName'), { required: true, autoComplete: 'name' })}
        {text('birthDate', t('people.birthDate'), { type: 'date' })}
        {!f.birthDate &&
          text('birthYear', t('people.birthYear'), {
            inputMode: 'numeric',
            maxLength: 4,
            hint: t('people.birthYearHint'),
          })}
        <SelectField
          label={t('people.sex')}
          name="sex"
          value={f.sex}
          onChange={(v) => setF({ ...f, sex: v as Sex })}
          error={error}
        >
          <option value="female">{t('sex.female')}</option>
          <option value="male">{t('sex.male')}</option>
          <option value="other">{t('sex.other')}</option>
        </SelectField>
        <CountryPicker
          label={t('people.nationality')}
          name="nationality"
          value={f.nationality}
          onChange={(code) => setF({ ...f, nationality: code })}
          error={error}
        />
        {!hideIdNumbers && (
          <>
            {text('cccd', t('people.cccd'), { inputMode: 'numeric', maxLength: 12 })}
            {text('cmnd', t('people.cmnd'), { inputMode: 'numeric', maxLength: 12 })}
            {text('passport', t('people.passport'))}
            {text('bhyt', t('people.bhyt'), { maxLength: 15, autoCapitalize: 'characters' })}
          </>
        )}
        {!hidePhones && text('phones', t('people.phones'), { type: 'tel', hint: t('people.phonesHint') })}
        <UnitPicker
          label={t('people.commune')}
          name="communeCode"
          value={commune}
          onChange={setCommune}
          error={error}
          required
        />
        {text('street', t('people.street'), { autoComplete: 'street-address' })}
      </div>
      {extra}
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? t('common.sending') : submitLabel}
      </button>
    </form>
  );
}
