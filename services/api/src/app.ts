import type { Database } from '@oppvekst/db';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import authentication, { type AuthenticationOptions } from './plugins/authentication.js';
import database from './plugins/database.js';
import openapi from './plugins/openapi.js';
import problemDetails, { sendProblem } from './plugins/problem-details.js';
import rateLimiting, { type RateLimitOptions } from './plugins/rate-limit.js';
import { PROBLEM_TYPES } from '@oppvekst/contracts';
import healthRoutes from './routes/health.js';
import apiClientRoutes from './routes/v1/api-clients.js';
import measureRoutes from './routes/v1/measures.js';
import memberRoutes from './routes/v1/members.js';
import oauthRoutes from './routes/v1/oauth.js';
import onboardingRoutes from './routes/v1/onboarding.js';
import principalRoutes from './routes/v1/principal.js';
import auditLogRoutes from './routes/v1/audit-log.js';
import municipalityPlanRoutes from './routes/v1/municipality-plan.js';
import municipalityRoutes from './routes/v1/municipalities.js';
import regionRoutes from './routes/v1/regions.js';
import planVersionRoutes from './routes/v1/plan-versions.js';
import draftItemRoutes from './routes/v1/draft-items.js';
import consultationRoutes from './routes/v1/consultation.js';
import webhookEndpointRoutes from './routes/v1/webhook-endpoints.js';
import webhookDeliveryRoutes from './routes/v1/webhook-deliveries.js';
import { defaultWebhookOptions, type WebhookOptions } from './webhooks/webhook-options.js';

export interface AppOptions {
  db: Kysely<Database>;
  loggerInstance?: FastifyBaseLogger;
  publicUrl?: string | undefined;
  rateLimit?: RateLimitOptions;
  /** issueToken attempts per address and window. */
  tokenRateLimitMax?: number;
  /** Consultation input per address and hour. */
  consultationInputRateLimitMax?: number;
  /** Fastify's trustProxy: set behind a reverse proxy so the caller's address is the client's, not the proxy's. */
  trustProxy?: boolean | number | string;
  auth: AuthenticationOptions;
  /** Where webhook targets may point and the key that seals their secrets (default: public https targets, a key for this app's life). */
  webhooks?: WebhookOptions;
}

/**
 * The app, without the process around it: cross-cutting plugins first, then
 * the app's own, then the routes. Tests build it the same way.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: false }),
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    // Long enough that an over-long slug reaches its schema (400), not the router (404).
    routerOptions: { maxParamLength: 256 },
    requestIdHeader: 'x-request-id',
    ajv: {
      customOptions: {
        // Unknown fields are refused, not silently dropped.
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
      },
    },
    // Errors raised before routing (a malformed URL, say) leave as problem+json too.
    frameworkErrors: (error, request, reply) => {
      sendProblem(reply, {
        type: PROBLEM_TYPES.validation,
        title: 'Invalid request',
        status: 400,
        detail: error.message,
        instance: request.url,
      });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // A step without a body (returnToDraft) may still be sent with content-type
  // application/json, as many clients always do: an empty body is no body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });

  await app.register(problemDetails);
  await app.register(openapi, { publicUrl: options.publicUrl });
  await app.register(database, { db: options.db });
  const rateLimit = options.rateLimit ?? { max: 600, anonymousMax: 300, timeWindowMs: 60_000 };
  await app.register(authentication, {
    failedAttempts: { max: rateLimit.anonymousMax ?? rateLimit.max, windowMs: rateLimit.timeWindowMs },
    ...options.auth,
  });
  await app.register(rateLimiting, rateLimit);

  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(regionRoutes);
      await v1.register(municipalityRoutes);
      await v1.register(municipalityPlanRoutes);
      await v1.register(measureRoutes);
      await v1.register(principalRoutes);
      await v1.register(onboardingRoutes);
      await v1.register(memberRoutes);
      await v1.register(auditLogRoutes);
      await v1.register(apiClientRoutes);
      await v1.register(oauthRoutes, { rateLimitMax: options.tokenRateLimitMax ?? 30, rateLimitWindowMs: options.rateLimit?.timeWindowMs ?? 60_000 });
      await v1.register(planVersionRoutes);
      await v1.register(draftItemRoutes);
      await v1.register(consultationRoutes, { inputRateLimitMax: options.consultationInputRateLimitMax ?? 20, inputRateLimitWindowMs: 3_600_000 });
      await v1.register(webhookEndpointRoutes, options.webhooks ?? defaultWebhookOptions());
      await v1.register(webhookDeliveryRoutes);
    },
    { prefix: '/v1' },
  );
  return app;
}
