import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FieldError } from '@phongdich/contracts';
import { AppError, fieldError } from '../errors';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  // 128·N·r bytes = 32 MiB at these parameters, just over Node's default memory cap.
  const options = { ...opts, maxmem: 128 * (opts.N ?? N) * (opts.r ?? R) * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (salt and hash base64), so parameters can be raised later per hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scryptAsync(password, salt, { N: n, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A real hash of nothing anyone knows: unknown usernames cost the same time as wrong passwords. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];

/** At least 10 characters and more than one class of character (lower, upper, digit, symbol). */
export function passwordProblems(password: string, field = 'password'): FieldError[] {
  const problems: FieldError[] = [];
  if (password.length < 10)
    problems.push(
      fieldError(
        field,
        'TOO_SHORT',
        'Mật khẩu cần ít nhất 10 ký tự',
        'Password needs at least 10 characters',
      ),
    );
  if (CLASSES.filter((c) => c.test(password)).length < 2)
    problems.push(
      fieldError(
        field,
        'ONE_CLASS',
        'Mật khẩu cần kết hợp chữ, số hoặc ký tự đặc biệt',
        'Password must mix letters, digits or symbols',
      ),
    );
  return problems;
}

export function assertStrongPassword(password: string, field = 'password'): void {
  const problems = passwordProblems(password, field);
  if (problems.length) throw new AppError('WEAK_PASSWORD', problems);
}
