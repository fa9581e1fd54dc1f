import type { FastifyError, FastifyInstance } from 'fastify';
import { ERRORS, type ErrorBody, type ErrorCode, type FieldError } from '@phongdich/contracts';
import { AppError } from '../errors';

function body(code: ErrorCode, requestId: string, details?: FieldError[]): ErrorBody {
  const { vi, en } = ERRORS[code];
  return { error: { code, message: { vi, en }, ...(details?.length ? { details } : {}), requestId } };
}

/** Schema (AJV) failures become field-level errors without echoing the submitted values. */
function validationDetails(err: FastifyError): FieldError[] {
  return (err.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const field = [err.validationContext, v.instancePath.replace(/^\//, '').replace(/\//g, '.'), missing]
      .filter(Boolean)
      .join('.');
    return {
      field,
      code: v.keyword,
      message: { vi: `Trường không hợp lệ (${v.keyword})`, en: v.message ?? 'invalid' },
    };
  });
}

/** One error format for every failure; no stack traces or personal data leave the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(err.status).send(body(err.code, request.id, err.details));
    }
    const e = err as FastifyError;
    if (e.validation)
      return reply.status(400).send(body('VALIDATION_FAILED', request.id, validationDetails(e)));
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', request.id));
    if (e.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED', request.id));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(400).send(body('MALFORMED_REQUEST', request.id));
    }
    request.log.error({ err: { message: e.message, code: e.code, stack: e.stack } }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', request.id));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('ROUTE_NOT_FOUND', request.id)));
}
