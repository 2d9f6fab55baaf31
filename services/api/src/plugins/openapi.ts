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
        tags: [
          { name: 'regions', description: 'Customers: regions, their municipalities and shared services' },
          { name: 'plans', description: 'Regional plans, annexes and a municipality’s complete plan' },
          { name: 'measures', description: 'Measures (tiltak) across plans' },
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
