// DCC payload validation against the JSON schema of the payload's own `ver` (JSON Schema 2020-12).
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import s100 from '../standards/schema/1.0.0.json';
import s101 from '../standards/schema/1.0.1.json';
import s110 from '../standards/schema/1.1.0.json';
import s120 from '../standards/schema/1.2.0.json';
import s121 from '../standards/schema/1.2.1.json';
import s130 from '../standards/schema/1.3.0.json';
import s131 from '../standards/schema/1.3.1.json';
import s132 from '../standards/schema/1.3.2.json';
import s133 from '../standards/schema/1.3.3.json';
import { certificateEntry, type DccPayload } from './payload';

const SCHEMAS: Record<string, object> = {
  '1.0.0': s100,
  '1.0.1': s101,
  '1.1.0': s110,
  '1.2.0': s120,
  '1.2.1': s121,
  '1.3.0': s130,
  '1.3.1': s131,
  '1.3.2': s132,
  '1.3.3': s133,
};
export const SUPPORTED_SCHEMA_VERSIONS = Object.keys(SCHEMAS);

/**
 * Two validators: the issuer checks `format` (our own payloads must be exact); a verifier does not, as
 * the EU verifiers do not — valid certificates in circulation carry e.g. `dt` with a time or `dob` as
 * "1964-00-00", and a format slip is no sign of forgery (the signature is).
 */
const ajvs = new Map<boolean, Ajv2020>();
const compiled = new Map<string, ValidateFunction>();

/** Exact version, else the newest known patch of the same major.minor (patches only add leniency). */
export function resolveSchemaVersion(ver: unknown): string | undefined {
  if (typeof ver !== 'string') return undefined;
  if (SCHEMAS[ver]) return ver;
  const minor = /^(\d+\.\d+)\.\d+$/.exec(ver)?.[1];
  return SUPPORTED_SCHEMA_VERSIONS.filter((v) => v.startsWith(`${minor}.`)).at(-1);
}

function validatorFor(version: string, formats: boolean): ValidateFunction {
  let fn = compiled.get(`${version}:${formats}`);
  if (!fn) {
    let ajv = ajvs.get(formats);
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: formats });
      if (formats) addFormats(ajv);
      ajv.addKeyword('valueset-uri');
      ajvs.set(formats, ajv);
    }
    // Every release reuses the same $id, so give each its own before adding it to the shared instance.
    const schema = { ...SCHEMAS[version], $id: `https://id.uvci.eu/${version}/DCC.combined-schema.json` };
    fn = ajv.compile(schema);
    compiled.set(`${version}:${formats}`, fn);
  }
  return fn;
}

export interface SchemaResult {
  ok: boolean;
  version?: string;
  errors: string[];
}

/** `formats: true` for issuing; verification leaves JSON-schema `format` unchecked (see above). */
export function validateDccSchema(payload: unknown, opts: { formats?: boolean } = {}): SchemaResult {
  if (typeof payload !== 'object' || payload === null)
    return { ok: false, errors: ['payload is not an object'] };
  const ver = (payload as { ver?: unknown }).ver;
  const version = resolveSchemaVersion(ver);
  if (!version) return { ok: false, errors: [`unsupported schema version ${String(ver)}`] };
  const validate = validatorFor(version, opts.formats ?? false);
  const errors = validate(payload)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  // One type of entry (testdata DGC2); one entry, except under schemas before 1.3.0 (see certificateEntry).
  if (!certificateEntry(payload as DccPayload)) errors.push('/ must hold exactly one v, t or r entry');
  return { ok: errors.length === 0, version, errors };
}
