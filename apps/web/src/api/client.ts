import type { FieldError } from '@phongdich/contracts';
import { reportReachable } from '../offline/reachability';

/** An API failure: the catalogue code, the bilingual message and any field-level details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { vi: string; en: string },
    readonly details: FieldError[] = [],
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }

  /** The detail for one form field, if the server named it. */
  fieldError(field: string): FieldError | undefined {
    return this.details.find((d) => d.field === field);
  }
}

const NETWORK = { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' };

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, headers?: HeadersInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    reportReachable(false);
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  reportReachable(true);
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (
      data as { error?: { code: string; message: { vi: string; en: string }; details?: FieldError[] } }
    )?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? { vi: `Lỗi ${res.status}`, en: `Error ${res.status}` },
      err?.details ?? [],
    );
  }
  return data as T;
}

/**
 * Saves the file a POST answers with (an export whose filters may name a person, so they go in the
 * body, not in a link's URL). Errors arrive as ApiError, like any other call.
 */
async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    reportReachable(false);
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  reportReachable(true);
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as {
      error?: { code: string; message: { vi: string; en: string }; details?: FieldError[] };
    } | null;
    throw new ApiError(
      res.status,
      data?.error?.code ?? 'INTERNAL',
      data?.error?.message ?? { vi: `Lỗi ${res.status}`, en: `Error ${res.status}` },
      data?.error?.details ?? [],
    );
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the file to the browser; the object URL is not needed afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The typed fetch client: JSON in and out, session cookie on the same origin. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, headers?: HeadersInit) =>
    request<T>('POST', path, body ?? {}, headers),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  downloadPost,
};
