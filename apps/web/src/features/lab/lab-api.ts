import { ApiError } from '../../api/client';

/** Requests the shared JSON client does not cover: PUT and raw file bodies. Same error shape. */
async function send<T>(method: string, path: string, body: BodyInit, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': contentType },
      body,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', { vi: 'Không kết nối được máy chủ', en: 'Cannot reach the server' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: { vi: string; en: string }; details?: never[] } })
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? { vi: `Lỗi ${res.status}`, en: `Error ${res.status}` },
      err?.details ?? [],
    );
  }
  return data as T;
}

export const putJson = <T>(path: string, body: unknown) =>
  send<T>('PUT', path, JSON.stringify(body), 'application/json');

export function uploadFile<T>(path: string, file: File): Promise<T> {
  const xlsx = /\.xlsx$/i.test(file.name);
  const type = xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
  return send<T>('POST', path, file, type);
}
