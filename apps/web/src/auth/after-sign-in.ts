// Where to go once signed in, when the page that needed a session was not the full app (the light
// check-in page sends the citizen to /sign-in with a full page load, so router state cannot carry it).
// Kept in sessionStorage: this tab only, never in a URL (a venue token stays out of server logs).
export const AFTER_SIGN_IN_KEY = 'phongdich.afterSignIn';

/** The stored destination, if any; only paths of this site. */
export function afterSignIn(): string | undefined {
  try {
    const to = sessionStorage.getItem(AFTER_SIGN_IN_KEY);
    return to && to.startsWith('/') && !to.startsWith('//') ? to : undefined;
  } catch {
    return undefined;
  }
}

/** Used once: the next sign-in in this tab goes to its usual place. */
export function forgetAfterSignIn(): void {
  try {
    sessionStorage.removeItem(AFTER_SIGN_IN_KEY);
  } catch {
    // nothing stored
  }
}
