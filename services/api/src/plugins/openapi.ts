import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { namedSchemas } from '@oppvekst/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface OpenApiOptions {
  publicUrl?: string | undefined;
}

/**
 * OpenAPI 3.1 at /openapi.json and interactive docs at /docs. The contracts'
 * schemas are registered by `$id`, so they appear as named components.
 */
export default fp(
  async function openapi(app: FastifyInstance, options: OpenApiOptions) {
    for (const schema of namedSchemas) app.addSchema(schema);

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Oppvekst API',
          version: '1.0.0',
          description:
            'Plans for children and young people (barnevernloven § 3-1): shared regional plans, local annexes, ' +
            'measures and their follow-up. Errors are RFC 9457 problem+json.',
          license: { name: 'MIT', identifier: 'MIT' },
        },
        servers: options.publicUrl ? [{ url: options.publicUrl }] : [],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description:
                'A token the service signed (`pnpm oppvekst token`, or issueToken for API clients) or one from the ' +
                'identity provider configured with OIDC_ISSUER. What the caller may do comes from its memberships.',
            },
            clientCredentials: {
              type: 'oauth2',
              description: 'API clients exchange their id and secret for a short-lived bearer token.',
              flows: {
                clientCredentials: {
                  tokenUrl: '/v1/oauth/token',
                  scopes: {
                    'plans:read': 'Read the region’s plans, drafts included',
                    'measures:read': 'Read the measures feed',
                    'webhooks:manage': 'Manage the region’s webhook subscriptions',
                  },
                },
              },
            },
          },
        },
        // Public reads need no token, but a token sent is checked (and may show more).
        security: [{}, { bearer: [] }],
        tags: [
          { name: 'regions', description: 'Customers: regions, their municipalities and shared services' },
          { name: 'plans', description: 'Regional plans, annexes and a municipality’s complete plan' },
          { name: 'measures', description: 'Measures (tiltak) across plans' },
          { name: 'plan versions', description: 'A plan’s versions and their lifecycle: revision, consultation, adoption, diff' },
          { name: 'drafts', description: 'Editing a draft: sections, focus areas, goals, desired states, measures and local implementations' },
          { name: 'consultation', description: 'Public consultation (høring): input from anyone, answers from the editors' },
          { name: 'webhooks', description: 'Endpoints that are told of adopted plans and changed measures, and their delivery logs (see docs/webhooks.md)' },
          { name: 'access', description: 'Who may do what: the caller, members, API clients, new customers and tokens' },
          { name: 'health', description: 'Liveness and readiness' },
        ],
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });

    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
