import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, fieldMessage } from '../../components/Field';
import { idempotencyKey } from '../../components/format';
import { dateTimeValue, dateValue, daysFromNow, holdBody, placeHold } from './holds.api';
import type { HoldItem, HoldSubject } from './types';

const MIN_REASON = 10;
const fresh = () => ({
  from: dateTimeValue(daysFromNow(-14)),
  to: dateTimeValue(new Date()),
  until: dateValue(daysFromNow(90)),
  reason: '',
});

/**
 * Places holds: a person's check-ins and/or declarations, or a point's check-ins. Each kind is its own
 * request; the keys are kept until the form changes, so a retry after a partial failure is harmless.
 */
export function HoldForm({ subject, onPlaced }: { subject: HoldSubject; onPlaced: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState(fresh);
  const [kinds, setKinds] = useState({ checkins: true, declarations: subject.kind === 'person' });
  const [local, setLocal] = useState<'reason' | 'kinds' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef<Record<HoldItem['kind'], string> | null>(null);

  const edit = (patch: Partial<typeof v>) => {
    keys.current = null;
    setV({ ...v, ...patch });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = (['checkins', 'declarations'] as const).filter((k) => kinds[k]);
    if (!chosen.length) return setLocal('kinds');
    if (v.reason.trim().length < MIN_REASON) return setLocal('reason');
    setLocal(null);
    setBusy(true);
    setError(null);
    keys.current ??= { checkins: idempotencyKey(), declarations: idempotencyKey() };
    try {
      const body = holdBody(v);
      for (const kind of chosen) await placeHold(subject, kind, body, keys.current[kind]);
      keys.current = null;
      setV(fresh());
      onPlaced();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const reasonError =
    fieldMessage(error, 'reason') ?? (local === 'reason' ? t('holds.reasonTooShort') : undefined);
  const check = (kind: HoldItem['kind'], label: string) => (
    <div className="check">
      <input
        id={`${id}-${kind}`}
        type="checkbox"
        checked={kinds[kind]}
        onChange={(e) => {
          keys.current = null;
          setKinds({ ...kinds, [kind]: e.target.checked });
        }}
      />
      <label htmlFor={`${id}-${kind}`}>{label}</label>
    </div>
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('holds.newHold')}</h3>
      {subject.kind === 'person' && (
        <div className="form-grid" role="group" aria-label={t('holds.kinds')}>
          {check('checkins', t('holds.holdCheckins'))}
          {check('declarations', t('holds.holdDeclarations'))}
          {local === 'kinds' && <p className="field-error">{t('holds.pickOne')}</p>}
        </div>
      )}
      <div className="form-grid">
        {kinds.checkins && (
          <>
            <Field
              label={t('holds.from')}
              name="from"
              type="datetime-local"
              value={v.from}
              onChange={(e) => edit({ from: e.target.value })}
              error={error}
            />
            <Field
              label={t('holds.to')}
              name="to"
              type="datetime-local"
              value={v.to}
              onChange={(e) => edit({ to: e.target.value })}
              error={error}
            />
          </>
        )}
        <Field
          label={t('holds.until')}
          name="until"
          type="date"
          hint={t('holds.untilHint')}
          min={dateValue(daysFromNow(1))}
          max={dateValue(daysFromNow(729))}
          value={v.until}
          onChange={(e) => edit({ until: e.target.value })}
          error={error}
        />
      </div>
      <div className={reasonError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-reason`}>{t('holds.reason')}</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          value={v.reason}
          onChange={(e) => edit({ reason: e.target.value })}
          aria-invalid={!!reasonError}
          aria-describedby={`${id}-hint${reasonError ? ` ${id}-err` : ''}`}
        />
        <small id={`${id}-hint`} className="hint">
          {t('holds.reasonHint')}
        </small>
        {reasonError && (
          <small id={`${id}-err`} className="field-error">
            {reasonError}
          </small>
        )}
      </div>
      <ErrorBanner error={error} placed={['from', 'to', 'until', 'reason']} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('holds.submit')}
      </button>
    </form>
  );
}
