import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ERRORS,
  isSchemaKeyword,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
} from '@phongdich/contracts';
import type { Db } from '../db/db';
import { AppError } from '../errors';
import { DatabaseOutage, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-outage';

/** The wait announced for a 429 that did not compute its own. */
const THROTTLED_RETRY_SECONDS = 60;

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
      code: isSchemaKeyword(v.keyword) ? v.keyword : 'schema',
      message: { vi: `Trường không hợp lệ (${v.keyword})`, en: v.message ?? 'invalid' },
    };
  });
}

/** One error format for every failure; no stack traces or personal data leave the server. */
export function registerErrorHandling(app: FastifyInstance, db: Db): void {
  const outage = new DatabaseOutage(db, app.log);
  app.addHook('onClose', async () => outage.stop());
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (isDatabaseUnavailable(err)) {
      outage.report(err);
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(503).send(body('DATABASE_UNAVAILABLE', request.id));
    }
    if (err instanceof AppError) {
      if (err.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      // Every throttled answer says when to come back (a phone's queue waits that long, not blindly).
      if (err.status === 429)
        reply.header('retry-after', String(err.retryAfterSeconds ?? THROTTLED_RETRY_SECONDS));
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(err.status).send(body(err.code, request.id, err.details));
    }
    const e = err as FastifyError;
    if (e.validation)
      return reply.status(400).send(body('VALIDATION_FAILED', request.id, validationDetails(e)));
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', request.id));
    if (e.statusCode === 429) {
      // The rate-limit plugin sets its own Retry-After; keep it, or announce the default.
      if (!reply.hasHeader('retry-after')) reply.header('retry-after', String(THROTTLED_RETRY_SECONDS));
      return reply.status(429).send(body('RATE_LIMITED', request.id));
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(400).send(body('MALFORMED_REQUEST', request.id));
    }
    request.log.error({ err: { message: e.message, code: e.code, stack: e.stack } }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', request.id));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('ROUTE_NOT_FOUND', request.id)));
}

/**
 * Errors the router raises before any route or hook runs (a malformed percent-escape, a parameter
 * longer than the router accepts): the same format, and the path is never echoed. Pass as the
 * `frameworkErrors` option of Fastify().
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send(body('URL_TOO_LONG', request.id));
    return;
  }
  void reply.status(400).send(body('MALFORMED_REQUEST', request.id));
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a broken request
 * line): answered in the same format on the raw socket. Pass as the `clientErrorHandler` option.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ErrorCode] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT']
        : [400, 'MALFORMED_REQUEST'];
  const text = JSON.stringify(body(code, randomUUID()));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${ERRORS[code].en}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
