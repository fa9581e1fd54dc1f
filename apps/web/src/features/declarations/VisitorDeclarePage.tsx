import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types';
import { Field, SelectField } from '../../components/Field';
import { UnitPicker } from '../../components/UnitPicker';
import { DeclarationForm } from './DeclarationForm';
import { DeclarationResult } from './DeclarationResult';
import type { SubmitResult } from './types';

interface Visitor {
  cccd: string;
  phone: string;
  fullName: string;
  birthYear: string;
  sex: string;
}

const EMPTY: Visitor = { cccd: '', phone: '', fullName: '', birthYear: '', sex: '' };

/** The visitor as the API takes it: only the fields filled in. */
function visitorBody(v: Visitor, commune: Unit | null) {
  const out: Record<string, unknown> = {};
  for (const k of ['cccd', 'phone', 'fullName', 'sex'] as const) if (v[k].trim()) out[k] = v[k].trim();
  if (v.birthYear.trim()) out.birthYear = Number(v.birthYear);
  if (commune) out.communeCode = commune.code;
  return out;
}

/**
 * Venue staff declare for a visitor with no phone: the server matches the visitor by CCCD or phone, or
 * registers them with the details given. `?venue=<id>` (from the scanner) records where it happened.
 */
export default function VisitorDeclarePage() {
  const { t } = useTranslation();
  const venueId = useSearchParams()[0].get('venue');
  const [visitor, setVisitor] = useState<Visitor>(EMPTY);
  const [commune, setCommune] = useState<Unit | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  const set = (k: keyof Visitor) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setVisitor((v) => ({ ...v, [k]: e.target.value }));

  if (result) {
    return (
      <section className="narrow">
        <h1>{t('declarations.visitorTitle')}</h1>
        <p className="hint">{t('declarations.visitorFound', { id: result.personId })}</p>
        <DeclarationResult
          result={result}
          onAgain={() => {
            setResult(null);
            setVisitor(EMPTY);
            setCommune(null);
            setFormKey((n) => n + 1);
          }}
        />
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{t('declarations.visitorTitle')}</h1>
      <p>{t('declarations.visitorIntro')}</p>
      <div className="card">
        <Field
          label={t('declarations.cccd')}
          name="visitor.cccd"
          inputMode="numeric"
          value={visitor.cccd}
          onChange={set('cccd')}
        />
        <Field
          label={t('declarations.phone')}
          name="visitor.phone"
          type="tel"
          value={visitor.phone}
          onChange={set('phone')}
        />
        <p className="hint">{t('declarations.visitorNewHint')}</p>
        <Field
          label={t('declarations.fullName')}
          name="visitor.fullName"
          value={visitor.fullName}
          onChange={set('fullName')}
        />
        <Field
          label={t('declarations.birthYear')}
          name="visitor.birthYear"
          inputMode="numeric"
          value={visitor.birthYear}
          onChange={set('birthYear')}
        />
        <SelectField
          label={t('declarations.sex')}
          name="visitor.sex"
          value={visitor.sex}
          onChange={(v) => setVisitor((s) => ({ ...s, sex: v }))}
        >
          <option value="">{t('declarations.pickOne')}</option>
          <option value="female">{t('sex.female')}</option>
          <option value="male">{t('sex.male')}</option>
          <option value="other">{t('sex.other')}</option>
        </SelectField>
        <UnitPicker
          label={t('declarations.commune')}
          name="visitor.communeCode"
          value={commune}
          onChange={setCommune}
        />
      </div>
      <div className="card">
        <DeclarationForm
          key={formKey}
          kind="domestic"
          extra={{ visitor: visitorBody(visitor, commune), ...(venueId ? { venueId } : {}) }}
          onSubmitted={setResult}
        />
      </div>
    </section>
  );
}
