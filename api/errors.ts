import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { logger } from '../infra/logger';
import { isOutage } from './unavailable';

/** A business rule said no: the caller gets `status` with the field and reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues?: Array<{ field: string; reason: string }>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/** Seconds a client should wait before repeating a request that met an outage. */
export const RETRY_AFTER_SECONDS = 5;

function unavailable(reply: FastifyReply, message: string): void {
  void reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ error: 'unavailable', message });
}

export function errorHandler(error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = error.validation.map((v) => {
      const path = [context, ...v.instancePath.split('/').filter(Boolean)];
      // An unknown field is named as the field itself: body.idempotency_key, "not a field of this request".
      const unknown = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys?.[0] : undefined;
      return unknown ? { field: [...path, unknown].join('.'), reason: 'is not a field of this request' } : { field: path.join('.'), reason: v.message ?? 'invalid' };
    });
    void reply.code(400).send({ error: 'validation', message: `${issues[0]!.field}: ${issues[0]!.reason}`, issues });
    return;
  }
  if (error instanceof ApiError) {
    const issues = error.issues ?? (error.field ? [{ field: error.field, reason: error.message }] : undefined);
    void reply.code(error.status).send({ error: error.code, message: error.message, issues });
    return;
  }
  if ((error as FastifyError).code === 'FST_ERR_HANDLER_TIMEOUT') {
    request.log.warn({ url: request.url }, 'request timed out');
    unavailable(reply, 'the request took too long (the database may be overloaded); try again shortly');
    return;
  }
  if (isOutage(error)) {
    request.log.warn({ err: error, url: request.url }, 'database or Temporal unavailable');
    unavailable(reply, 'the database or workflow service is unavailable; try again shortly');
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    // Fastify's own rejections: body too large, malformed JSON, wrong content type.
    void reply.code(status).send({ error: (error as FastifyError).code ?? 'bad_request', message: error.message });
    return;
  }
  logger.error({ err: error, url: request.url }, 'unhandled API error');
  void reply.code(500).send({ error: 'internal', message: 'internal error' });
}
