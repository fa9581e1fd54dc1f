import { api, ApiError } from '../../api/client';
import { registerSender } from '../../offline/queue';
import type { ImportReport, SampleItem, SampleResult } from './types';

/** A tube barcode's check: `PD` + 10 digits + Luhn digit (the server's sampling.barcode.ts rule). */
export function normalizeBarcode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (!/^PD\d{11}$/.test(code)) return null;
  const digits = code.slice(2, 12);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(code[12]) ? code : null;
}

/** Sends a target list file as the raw request body (CSV or .xlsx). */
export async function importTargets(sessionId: string, file: File): Promise<ImportReport> {
  const xlsx = /\.xlsx$/i.test(file.name);
  let res: Response;
  try {
    res = await fetch(`/api/testing/sessions/${sessionId}/targets/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': xlsx
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv',
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' });
  }
  const data = (await res.json().catch(() => null)) as
    | (ImportReport & { error?: never })
    | { error: { code: string; message: { vi: string; en: string }; details?: never[] } }
    | null;
  if (!res.ok || !data || 'error' in data) {
    const err = data && 'error' in data ? data.error : undefined;
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? { vi: `Lỗi ${res.status}`, en: `Error ${res.status}` },
      err?.details ?? [],
    );
  }
  return data as ImportReport;
}

type BatchAnswer = {
  results: {
    id: string;
    ok: boolean;
    result?: SampleResult;
    error?: { code: string; message: { vi: string; en: string } };
  }[];
};

/** Queue sender for kind 'sample': ids are the server's idempotency keys, so a resend never doubles. */
export async function sendSamples(items: Array<{ id: string; payload: unknown }>) {
  const res = await api.post<BatchAnswer>('/api/testing/samples/batch', {
    items: items.map((i) => i.payload as SampleItem),
  });
  const done: string[] = [];
  const rejected: { id: string; error: unknown }[] = [];
  for (const r of res.results) {
    if (r.ok) done.push(r.id);
    else rejected.push({ id: r.id, error: r.error ?? null });
  }
  return { done, rejected };
}

let registered = false;
export function registerSampleSender(): void {
  if (registered) return;
  registered = true;
  registerSender('sample', sendSamples);
}
