import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/types';
import { fieldMessage } from '../../components/Field';
import { UnitPicker, unitLabel } from '../../components/UnitPicker';
import { currentLang } from '../../i18n';
import type { Question } from './types';

interface Props {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  provinces: Unit[];
  error?: unknown;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** One question rendered from the question set data: the form knows types, never the questions. */
export function QuestionField({ question: q, value, onChange, provinces, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const lang = currentLang();
  const label = `${q.label[lang]}${q.required ? ' *' : ''}`;
  const name = `answers.${q.id}`;
  const message = fieldMessage(error, name);
  const wrap = (body: React.ReactNode, asGroup: boolean) =>
    asGroup ? (
      <fieldset
        className={message ? 'field field-invalid' : 'field'}
        data-question={q.id}
        style={{ border: 0, padding: 0, margin: '0 0 1rem' }}
      >
        <legend style={{ fontWeight: 600, padding: 0 }}>{label}</legend>
        {body}
        {message && <small className="field-error">{message}</small>}
      </fieldset>
    ) : (
      <div className={message ? 'field field-invalid' : 'field'} data-question={q.id}>
        <label htmlFor={id}>{label}</label>
        {body}
        {message && <small className="field-error">{message}</small>}
      </div>
    );

  switch (q.type) {
    case 'yes_no':
      return wrap(
        <div className="btn-row">
          {[true, false].map((v) => (
            <label key={String(v)} className="check">
              <input type="radio" name={`${id}-yn`} checked={value === v} onChange={() => onChange(v)} />
              {v ? t('declarations.yes') : t('declarations.no')}
            </label>
          ))}
        </div>,
        true,
      );
    case 'single_select':
    case 'multi_select': {
      const multi = q.type === 'multi_select';
      const list = asList(value);
      return wrap(
        <div>
          {(q.options ?? []).map((o) => (
            <label key={o.value} className="check">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={`${id}-opt`}
                checked={multi ? list.includes(o.value) : value === o.value}
                onChange={(e) =>
                  onChange(
                    multi
                      ? e.target.checked
                        ? [...list, o.value]
                        : list.filter((x) => x !== o.value)
                      : o.value,
                  )
                }
              />
              {o.label[lang]}
            </label>
          ))}
          {multi && (
            <label className="check">
              <input
                type="checkbox"
                checked={Array.isArray(value) && list.length === 0}
                onChange={() => onChange([])}
              />
              {t('declarations.noneOfThese')}
            </label>
          )}
        </div>,
        true,
      );
    }
    case 'province':
    case 'provinces': {
      const multi = q.type === 'provinces';
      return wrap(
        <select
          id={id}
          multiple={multi}
          value={multi ? asList(value) : ((value as string) ?? '')}
          aria-invalid={!!message}
          onChange={(e) =>
            onChange(multi ? Array.from(e.target.selectedOptions, (o) => o.value) : e.target.value)
          }
        >
          {!multi && <option value="">{t('declarations.pickOne')}</option>}
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {unitLabel(p)}
            </option>
          ))}
        </select>,
        false,
      );
    }
    case 'commune':
      return <CommuneQuestion label={label} name={name} value={value} onChange={onChange} error={error} />;
    case 'country':
    case 'countries':
      return wrap(
        <input
          id={id}
          value={(value as string) ?? ''}
          maxLength={q.type === 'country' ? 2 : 200}
          aria-invalid={!!message}
          placeholder={t('declarations.countriesHint')}
          onChange={(e) => onChange(e.target.value.toUpperCase())}
        />,
        false,
      );
    case 'date':
    case 'text':
      return wrap(
        <input
          id={id}
          type={q.type === 'date' ? 'date' : 'text'}
          value={(value as string) ?? ''}
          maxLength={q.maxLength}
          aria-invalid={!!message}
          onChange={(e) => onChange(e.target.value)}
        />,
        false,
      );
  }
}

/** Commune answers are picked with the unit search, the answer being the commune's code. */
function CommuneQuestion(props: {
  label: string;
  name: string;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: unknown;
}) {
  const picked = typeof props.value === 'object' && props.value ? (props.value as Unit) : null;
  return (
    <UnitPicker
      label={props.label}
      name={props.name}
      value={picked}
      onChange={(u) => props.onChange(u ?? undefined)}
      error={props.error}
    />
  );
}
