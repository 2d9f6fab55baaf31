import { Validator } from '@seriousme/openapi-schema-validator';
import t from 'tap';
import { build } from './helper.js';

const REQUIRED_OPERATIONS = [
  'listRegions', 'getRegion', 'listMunicipalities', 'listServices', 'getRegionalPlan', 'getAnnex', 'getMunicipalityPlan', 'listMeasures', 'getComplianceReport', 'getMeasure',
  'listWebhookEndpoints', 'createWebhookEndpoint', 'getWebhookEndpoint', 'updateWebhookEndpoint', 'deleteWebhookEndpoint', 'listWebhookDeliveries', 'redeliverWebhook',
];

t.test('/openapi.json is valid OpenAPI 3.1 with named components and every operation', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.equal(res.statusCode, 200);
  const spec = res.json();
  t.equal(spec.openapi, '3.1.0');

  const result = await new Validator().validate(spec);
  t.ok(result.valid, 'validates against the OpenAPI 3.1 schema');
  if (!result.valid) t.comment(JSON.stringify(result.errors, null, 2));

  const operations = Object.entries(spec.paths as Record<string, Record<string, { operationId?: string; tags?: string[]; responses: Record<string, unknown> }>>)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
  const ids = operations.map((o) => o.operationId);
  for (const id of REQUIRED_OPERATIONS) t.ok(ids.includes(id), `has ${id}`);
  t.equal(new Set(ids).size, ids.length, 'operation ids are unique');
  for (const op of operations) {
    t.ok(op.operationId, `${op.method} ${op.path} has an operationId`);
    t.ok(op.tags?.length, `${op.operationId} is tagged`);
    if (!['/healthz', '/readyz'].includes(op.path)) {
      t.match(op.path, /^\/v1\//, `${op.operationId} is under /v1`);
      t.ok(op.responses['503'], `${op.operationId} documents 503`);
      t.ok(op.responses['429'], `${op.operationId} documents 429`);
      t.ok(op.responses['400'], `${op.operationId} documents 400`);
    }
  }

  const plan = spec.paths['/v1/municipalities/{kommunenummer}/plan'].get.responses['200'].content;
  t.same(Object.keys(plan), ['application/json', 'text/markdown', 'text/html', 'application/pdf'], 'the complete plan documents its four representations');
  t.match(plan['application/json'].schema, { $ref: '#/components/schemas/MunicipalityPlan' });
  t.ok(spec.paths['/v1/regions/{region}/plan'].get.responses['406'], 'and the 406 when none fits');

  const schemas = Object.keys(spec.components.schemas);
  for (const name of ['Problem', 'Measure', 'Goal', 'PlanVersion', 'MunicipalityPlan', 'MeasurePage', 'Region', 'ComplianceReport', 'MeasureChangePage', 'MeasureHistory', 'WebhookEndpoint', 'WebhookDeliveryPage', 'WebhookEvent', 'MeasureEventData']) {
    t.ok(schemas.includes(name), `component ${name}`);
  }
  t.notOk(schemas.some((s) => /^def-\d+$/.test(s)), 'no anonymous def-N components');
  t.notOk(JSON.stringify(spec).includes('"$ref":"def-'), 'no reference to an anonymous schema');

  const feed = spec.paths['/v1/measures'].get;
  t.same(Object.keys(feed.responses['200'].content).sort(), ['application/json', 'text/csv'], 'the feed documents JSON and CSV');
  t.ok(feed.responses['200'].headers?.['Oppvekst-Next-Updated-Since'], 'and the header that carries the next updatedSince');
  const params = (feed.parameters as { name: string }[]).map((p) => p.name);
  for (const name of ['region', 'municipality', 'version', 'service', 'goal', 'status', 'preventionLevel', 'ageGroup', 'law', 'conventionArticle', 'activeIn', 'q', 'updatedSince', 'limit', 'cursor']) {
    t.ok(params.includes(name), `the feed documents ${name}`);
  }

  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(docs.statusCode, 200);
  t.match(docs.headers['content-type'], /text\/html/);
});
