// The last signed-in account, kept on the device so the installed app's pages open without waiting
// for /api/auth/me (seconds on slow 3G). Written by the full app and by the light check-in page (which
// hands over to the full app), read by AuthContext. It only shapes the screen: the server checks the
// session on every request.
import type { Me } from '../api/types';

export const LAST_ME = 'phongdich.lastMe';

export function rememberMe(me: Me): void {
  try {
    localStorage.setItem(LAST_ME, JSON.stringify(me));
  } catch {
    // private mode: the next visit waits for the answer
  }
}
