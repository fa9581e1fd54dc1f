import type { FieldError } from '@phongdich/contracts';

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
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
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

/** The typed fetch client: JSON in and out, session cookie on the same origin. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, headers?: HeadersInit) =>
    request<T>('POST', path, body ?? {}, headers),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
