import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { currentLang } from '../i18n';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** The API field name, to show the server's detail for it. */
  name: string;
  hint?: string;
  error?: unknown;
  /** A client-side message, shown when the server has not named this field. */
  localError?: string | null;
}

/** A detail's field without the request part: 'body.phones.0' and '/phones/0' → 'phones.0'. */
export function detailField(field: string): string {
  return field
    .replace(/^(body|querystring|params)[./]/, '')
    .replace(/^\//, '')
    .replace(/[/[\]]+/g, '.');
}

/** The API's message for one form field ('fullName' also matches 'body.fullName', 'phones' 'phones.1'). */
export function fieldMessage(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const d = error.details.find((x) => {
    const f = detailField(x.field);
    return f === name || f.startsWith(`${name}.`);
  });
  return d?.message[currentLang()];
}

/** A labelled input with its hint and error wired for screen readers. */
export function Field({ label, name, hint, error, localError, ...input }: FieldProps) {
  const id = useId();
  const message = fieldMessage(error, name) ?? localError ?? undefined;
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={message ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={!!message}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {message && (
        <small id={`${id}-err`} className="field-error">
          {message}
        </small>
      )}
    </div>
  );
}

/** A labelled select, same conventions as Field. */
export function SelectField({
  label,
  name,
  value,
  onChange,
  error,
  children,
  required,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: unknown;
  children: ReactNode;
  required?: boolean;
}) {
  const id = useId();
  const message = fieldMessage(error, name);
  return (
    <div className={message ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={!!message}
        aria-describedby={message ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {message && (
        <small id={`${id}-err`} className="field-error">
          {message}
        </small>
      )}
    </div>
  );
}
