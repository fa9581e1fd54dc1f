import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ERRORS, FIELD_ERROR_CODES, SCHEMA_KEYWORDS } from '@phongdich/contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const ERROR_REF = '#/components/schemas/Error';

/**
 * The one error body every route may answer (core/http/error-handler.ts), as an OpenAPI schema whose
 * code is the whole catalogue: a client generated from the document knows every code and its shape.
 * Kept out of the routes' own response schemas on purpose, so it never changes how errors are sent.
 */
export function errorSchema() {
  const text = {
    type: 'object',
    required: ['vi', 'en'],
    properties: { vi: { type: 'string' }, en: { type: 'string' } },
  };
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERRORS) },
          message: text,
          details: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'code', 'message'],
              properties: {
                field: { type: 'string' },
                // a catalogue code, a field-error code, a schema keyword, or (DetailValue) a value
                code: {
                  type: 'string',
                  examples: [...FIELD_ERROR_CODES, ...SCHEMA_KEYWORDS],
                },
                message: text,
              },
            },
          },
          requestId: { type: 'string' },
        },
      },
    },
  };
}

type Operation = { responses?: Record<string, unknown> };
type Document = {
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: { schemas?: Record<string, unknown> };
};

/** Every operation answers the shared error body for any code it does not describe itself. */
export function withErrorResponses<T>(doc: T): T {
  const d = doc as Document;
  d.components = { ...d.components, schemas: { ...d.components?.schemas, Error: errorSchema() } };
  for (const path of Object.values(d.paths ?? {}))
    for (const method of METHODS) {
      const op = path[method];
      if (!op) continue;
      op.responses = {
        ...op.responses,
        default: {
          description: 'Lỗi theo danh mục mã lỗi — an error from the catalogue',
          content: { 'application/json': { schema: { $ref: ERROR_REF } } },
        },
      };
    }
  return doc;
}

/** OpenAPI 3 generated from the route schemas; browsable at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Phòng Dịch API',
        description: 'Nền tảng phòng chống dịch quốc gia — National epidemic response platform',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transformObject: (doc) =>
      'openapiObject' in doc ? withErrorResponses(doc.openapiObject) : doc.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
