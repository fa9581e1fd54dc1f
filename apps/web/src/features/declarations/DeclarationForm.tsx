import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { idempotencyKey } from '../../components/format';
import { QuestionField } from './QuestionField';
import type { Answers, DeclarationKind, Question, QuestionSet, SubmitResult } from './types';

interface Props {
  kind: DeclarationKind;
  /** Who it is for and other body fields (personId, visitor…), merged into the request. */
  extra: Record<string, unknown>;
  onSubmitted: (result: SubmitResult) => void;
  /** Checked before sending (e.g. the visitor's identity); return false to stop. */
  beforeSubmit?: () => boolean;
}

/** Turns the form state into the API's answers (unit objects → codes, country text → code lists). */
function toAnswers(questions: Question[], state: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const v = state[q.id];
    if (v === undefined || v === '') continue;
    if (q.type === 'commune') out[q.id] = (v as Unit).code;
    else if (q.type === 'countries')
      out[q.id] = String(v)
        .split(/[,\s]+/)
        .filter(Boolean);
    else out[q.id] = v;
  }
  return out;
}

let provinceCache: Promise<Unit[]> | undefined;
const loadProvinces = () =>
  (provinceCache ??= api
    .get<{ items: Unit[] }>('/api/units', { level: 1, limit: 100 })
    .then((r) => r.items)
    .catch(() => {
      provinceCache = undefined;
      return [];
    }));

/** The declaration form of one kind, built from the question set in force on the server. */
export function DeclarationForm({ kind, extra, onSubmitted, beforeSubmit }: Props) {
  const { t } = useTranslation();
  const [set, setSet] = useState<QuestionSet | null>(null);
  const [provinces, setProvinces] = useState<Unit[]>([]);
  const [state, setState] = useState<Answers>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(idempotencyKey());

  useEffect(() => {
    let current = true;
    setSet(null);
    setState({});
    setError(null);
    api
      .get<QuestionSet>('/api/declarations/questions', { kind })
      .then((s) => current && setSet(s))
      .catch((e: unknown) => current && setError(e));
    void loadProvinces().then((p) => current && setProvinces(p));
    return () => {
      current = false;
    };
  }, [kind]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!set || (beforeSubmit && !beforeSubmit())) return;
    setSending(true);
    setError(null);
    try {
      const body = { kind, answers: toAnswers(set.questions, state), ...extra };
      const res = await api.post<SubmitResult>('/api/declarations', body, { 'Idempotency-Key': key.current });
      key.current = idempotencyKey();
      onSubmitted(res);
    } catch (err) {
      setError(err);
      key.current = idempotencyKey();
    } finally {
      setSending(false);
    }
  };

  if (!set) return error ? <ErrorBanner error={error} /> : <p role="status">{t('app.loading')}</p>;
  return (
    <form onSubmit={submit} noValidate aria-label={t(`declarations.kinds.${kind}`)}>
      {set.questions.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          value={state[q.id]}
          provinces={provinces}
          error={error}
          onChange={(v) => setState((s) => ({ ...s, [q.id]: v }))}
        />
      ))}
      <ErrorBanner error={error} placed={set.questions.map((q) => `answers.${q.id}`)} />
      <p className="hint">{t('declarations.version', { version: set.version })}</p>
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={sending}>
          {sending ? t('common.sending') : t('declarations.submit')}
        </button>
      </div>
    </form>
  );
}
