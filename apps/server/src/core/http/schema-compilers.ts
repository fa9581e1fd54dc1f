import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

/**
 * Validator and serializer builders shared by every app this process builds. The route schemas are
 * module constants (packages/contracts), so one app's compiled validators and serializers serve the
 * next: Fastify's default builds a fresh Ajv and compiles every schema again per app, which was about
 * a second of CPU for each app a database test builds (one per database, more for restart tests).
 * A production server builds one app and sees no difference.
 *
 * Validators: the ajv-compiler pool keeps one Ajv per (external schemas, options), and Ajv keeps what
 * it compiled by schema object. Serializers: fast-json-stringify has no cache, so its functions are
 * kept here by schema object, per (external schemas, options).
 */
export const sharedValidatorBuilder = AjvCompiler();

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type SerializerBuilder = ReturnType<SerializerFactory>;
type SerializerArgs = Parameters<SerializerBuilder>[0];

const serializerPools = new Map<string, WeakMap<object, ReturnType<SerializerBuilder>>>();
const buildSerializerFactory = SerializerSelector();

export const sharedSerializerBuilder: SerializerFactory = (externalSchemas, options) => {
  const key = JSON.stringify(externalSchemas ?? {}) + JSON.stringify(options ?? {});
  let built = serializerPools.get(key);
  if (!built) serializerPools.set(key, (built = new WeakMap()));
  const pool = built;
  const build = buildSerializerFactory(externalSchemas, options);
  return (args: SerializerArgs) => {
    const schema = args.schema as object;
    const hit = pool.get(schema);
    if (hit) return hit;
    const fn = build(args);
    pool.set(schema, fn);
    return fn;
  };
};
