// Shared by the full app's check-in page and the light first-visit page (src/light).
import { classifyScannedCode } from '@phongdich/domain';

/** The venue token a poster link carries in its fragment (`/checkin#PD1:V:…`), if any. */
export function linkedVenueToken(hash: string): string | null {
  if (!hash.startsWith('#')) return null;
  let text = hash.slice(1);
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  const code = classifyScannedCode(text);
  return code.kind === 'phongdich' && code.tokenType === 'V' ? code.raw : null;
}
