import type { FormEvent } from 'react';

/**
 * The first step of every spreadsheet upload (dose imports, invitation lists): choose a CSV or Excel
 * file, then ask the server to read its columns. Choosing another file drops the earlier preview.
 */
export function SpreadsheetFileForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  file: File | null;
  onFile: (file: File | null) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <form onSubmit={props.onSubmit}>
      <div className="field">
        <label htmlFor={props.id}>{props.label}</label>
        <input
          id={props.id}
          type="file"
          accept=".csv,.txt,.xlsx"
          onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button className="btn" type="submit" disabled={!props.file}>
        {props.submitLabel}
      </button>
    </form>
  );
}
