import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { currentLang } from '../../i18n';
import type { VenueKindOption } from './types';

let kindsCache: Promise<VenueKindOption[]> | null = null;

/** The kinds of point, with their labels (served as data by the server). */
export function useVenueKinds(): VenueKindOption[] {
  const [kinds, setKinds] = useState<VenueKindOption[]>([]);
  useEffect(() => {
    kindsCache ??= api.get<{ items: VenueKindOption[] }>('/api/venues/kinds').then((r) => r.items);
    kindsCache.then(setKinds).catch(() => (kindsCache = null));
  }, []);
  return kinds;
}

export const kindLabel = (kinds: VenueKindOption[], code: string): string => {
  const k = kinds.find((x) => x.code === code);
  return k ? k[currentLang()] : code;
};

/** Fetches a PDF and saves it (a plain link would not show an API error in the page). */
export async function downloadPdf(url: string, filename: string, body?: unknown): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      credentials: 'same-origin',
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' });
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as {
      error?: { code: string; message: { vi: string; en: string } };
    } | null;
    throw new ApiError(
      res.status,
      data?.error?.code ?? 'INTERNAL',
      data?.error?.message ?? { vi: `Lỗi ${res.status}`, en: `Error ${res.status}` },
    );
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
