import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldMessage } from '../../components/Field';

const MIN_REASON = 10;

/** Asks for the reason, then opens the record; the server writes the access to the audit log. */
export function BreakGlassForm({ personId, onOpened }: { personId: string; onOpened: (p: Person) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
        {t('people.breakGlass')}
      </button>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) return setTooShort(true);
    setTooShort(false);
    setBusy(true);
    setError(null);
    try {
      onOpened(await api.post<Person>(`/api/people/${personId}/break-glass`, { reason: reason.trim() }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const message = fieldMessage(error, 'reason') ?? (tooShort ? t('people.reasonTooShort') : undefined);
  return (
    <form onSubmit={submit} className="card" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('people.breakGlassTitle')}</h2>
      <p>{t('people.breakGlassIntro')}</p>
      <ErrorBanner error={error} placed={['reason']} />
      <div className={message ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{t('people.reason')}</label>
        <textarea
          id={id}
          name="reason"
          required
          minLength={MIN_REASON}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!message}
          aria-describedby={`${id}-hint${message ? ` ${id}-err` : ''}`}
        />
        <small id={`${id}-hint`} className="hint">
          {t('people.reasonHint')}
        </small>
        {message && (
          <small id={`${id}-err`} className="field-error">
            {message}
          </small>
        )}
      </div>
      <div className="btn-row">
        <button type="submit" className="btn-danger" disabled={busy}>
          {t('people.confirmBreakGlass')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
