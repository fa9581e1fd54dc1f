// The field a 2D USB scanner types into (code + Enter). It takes the focus back after each scan.
import { useEffect, useRef, useState, type FormEvent } from 'react';

export function WedgeInput({
  label,
  submitLabel,
  onCode,
  keepFocus = true,
}: {
  label: string;
  submitLabel: string;
  onCode: (text: string) => void;
  keepFocus?: boolean;
}) {
  const [value, setValue] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (keepFocus) ref.current?.focus();
  }, [keepFocus]);
  function submit(e: FormEvent) {
    e.preventDefault();
    const text = value.trim();
    if (!text) return;
    setValue('');
    onCode(text);
    if (keepFocus) ref.current?.focus();
  }
  return (
    <form onSubmit={submit} className="wedge">
      <label>
        {label}
        <input
          ref={ref}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() =>
            keepFocus &&
            setTimeout(() => {
              // only when nothing else took the focus (a venue picker, a button)
              if (document.activeElement === document.body) ref.current?.focus();
            }, 300)
          }
          autoComplete="off"
          spellCheck={false}
          name="scan-code"
        />
      </label>
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
