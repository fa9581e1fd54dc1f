import { AppError } from '../../core/errors';

/**
 * Staff check-ins carry the scanned code and the server finds the person. A body still naming a
 * person (an old client, or someone probing the registry by id) is refused with its own code.
 */
export function refuseBarePersonId(body: unknown): void {
  if (body && typeof body === 'object' && 'personId' in body) throw new AppError('CHECKIN_CODE_REQUIRED');
}
