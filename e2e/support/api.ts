import * as OTPAuth from 'otpauth';

/** The authenticator app's current code for a printed demo TOTP secret. */
export function totpNow(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
}

/**
 * A tiny cookie-keeping API client for test set-up (creating the people a test needs as a signed-in
 * officer), so the browser steps don't depend on random demo data.
 */
export class ApiSession {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        // As the site's own pages do: the server refuses cross-site writes that carry the cookie.
        ...(this.cookie ? { cookie: this.cookie, origin: this.baseUrl } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The session's cookies as name/value pairs, to hand the same session to a browser context. */
  cookies(): { name: string; value: string }[] {
    return this.cookie
      .split('; ')
      .filter(Boolean)
      .map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1) }));
  }

  async login(username: string, password: string, totpSecret?: string): Promise<void> {
    const totp = totpSecret ? { totp: totpNow(totpSecret) } : {};
    await this.request('POST', '/api/auth/login', { username, password, ...totp });
  }
}

/** An API session signed in as one of the server's printed demo accounts. */
export async function apiAs(
  server: {
    url: string;
    demoAccount(role: string, noteContains?: string): { login: string; secret: string; totpSecret?: string };
  },
  role: string,
  noteContains?: string,
): Promise<ApiSession> {
  const account = server.demoAccount(role, noteContains);
  const session = new ApiSession(server.url);
  await session.login(account.login, account.secret, account.totpSecret);
  return session;
}
