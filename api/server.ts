import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { logger } from '../infra/logger';
import { authenticate } from './auth';
import type { ApiDeps } from './deps';
import { errorHandler } from './errors';
import { documentErrors } from './documented-errors';
import { registerJsonParser } from './json-body';
import { rejectNulBytes } from './request-guards';
import { strictBody } from './strict-body';
import { healthRoutes } from './routes/health';
import { customerRoutes } from './routes/customers';
import { dunningRoutes } from './routes/dunning';
import { dunningPolicyRoutes } from './routes/dunning-policy';
import { billingRunRoutes } from './routes/billing-runs';
import { paymentRoutes } from './routes/payments';
import { paymentLogRoutes } from './routes/payment-log';
import { unmatchedPaymentRoutes } from './routes/unmatched-payments';
import { webhookRoutes } from './routes/webhooks';
import { statementRoutes } from './routes/statement';
import { reportRoutes } from './routes/reports';
import { tariffRoutes } from './routes/tariffs';
import { subscriptionRoutes } from './routes/subscriptions';
import { chargeRoutes } from './routes/charges';
import { billingSettingsRoutes } from './routes/billing-settings';
import { invoiceRoutes } from './routes/invoices';
import { bankStatementRoutes } from './routes/bank-statements';
import { bankAccountRoutes } from './routes/bank-accounts';
import { operatorRoutes } from './routes/operators';

export type App = FastifyInstance;

export interface ServerOptions {
  /** A request not answered by then gets a 503 with Retry-After (a frozen database must not hang callers). */
  requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// Downloads stream for as long as the client reads; a cut-off export would be a broken file.
const STREAMED_ROUTE = /\/export\.(csv|xlsx)$/;
const STREAM_TIMEOUT_MS = 60 * 60_000;

export async function buildServer(deps: ApiDeps, options: ServerOptions = {}): Promise<App> {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    loggerInstance: logger.child({ component: 'api' }) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    handlerTimeout: requestTimeoutMs,
    // Receiving the request itself (a client trickling bytes) is bounded too, generously for uploads.
    requestTimeout: 10 * 60_000,
  });
  app.addHook('onRoute', (route) => {
    if (STREAMED_ROUTE.test(route.url)) route.handlerTimeout = Math.max(STREAM_TIMEOUT_MS, requestTimeoutMs);
    documentErrors(route);
  });
  registerJsonParser(app);
  app.setValidatorCompiler((route) => validatorCompiler({ ...route, schema: route.httpPart === 'body' ? strictBody(route.schema) : route.schema } as never));
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Settle API', version: '0.1.0', description: 'Billing and dunning for ISPs' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.addHook('onRequest', authenticate(deps.db));
  app.addHook('preHandler', rejectNulBytes);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes(deps));
  await typed.register(customerRoutes(deps), { prefix: '/v1' });
  await typed.register(dunningRoutes(deps), { prefix: '/v1' });
  await typed.register(dunningPolicyRoutes(deps), { prefix: '/v1' });
  await typed.register(billingRunRoutes(deps), { prefix: '/v1' });
  await typed.register(paymentRoutes(deps), { prefix: '/v1' });
  await typed.register(paymentLogRoutes(deps), { prefix: '/v1' });
  await typed.register(unmatchedPaymentRoutes(deps), { prefix: '/v1' });
  await typed.register(webhookRoutes(deps), { prefix: '/v1' });
  await typed.register(statementRoutes(deps), { prefix: '/v1' });
  await typed.register(reportRoutes(deps), { prefix: '/v1' });
  await typed.register(tariffRoutes(deps), { prefix: '/v1' });
  await typed.register(subscriptionRoutes(deps), { prefix: '/v1' });
  await typed.register(chargeRoutes(deps), { prefix: '/v1' });
  await typed.register(billingSettingsRoutes(deps), { prefix: '/v1' });
  await typed.register(invoiceRoutes(deps), { prefix: '/v1' });
  await typed.register(bankStatementRoutes(deps), { prefix: '/v1' });
  await typed.register(bankAccountRoutes(deps), { prefix: '/v1' });
  await typed.register(operatorRoutes(deps), { prefix: '/v1' });
  return app;
}
