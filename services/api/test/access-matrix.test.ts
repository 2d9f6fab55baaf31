import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { bearer, tokenFor } from './support/auth.js';
import { clientWithToken, grant, makePlatformAdmin } from './support/principals.js';
import { SECOND_REGION, seedSecondRegionInDraft } from './support/second-region.js';
import { DraftBench } from './support/drafts.js';
import { addDays, osloToday } from '../src/plans/consultation-window.js';

/**
 * Every caller × every operation in the published OpenAPI inventory × three
 * targets, each with the exact status expected. The expectations are written
 * out here from the roles' definitions, not computed by the service's own
 * policy code, and an operation without a rule fails the test.
 */

type Target = 'own' | 'foreignMunicipality' | 'foreignRegion';
const TARGETS: Target[] = ['own', 'foreignMunicipality', 'foreignRegion'];
const VT = 'vest-telemark';
/** Where each target points, seen from Vest-Telemark's members (Tokke's editor in particular). */
const PLACE: Record<Target, { region: string; municipality: string }> = {
  own: { region: VT, municipality: '4026' },
  foreignMunicipality: { region: VT, municipality: '4027' },
  foreignRegion: { region: SECOND_REGION, municipality: '3826' },
};

interface Caller {
  name: string;
  token?: string;
  /** The region whose administrator the caller is, if any. */
  adminOf?: string;
  /** The region where the caller holds a role (and so sees drafts), if any. */
  memberOf?: string;
  /** The municipality whose annex the caller edits, if any. */
  editorOf?: string;
  platformAdmin?: boolean;
  /** API clients: the scopes of the token. */
  scopes?: string[];
  revoked?: boolean;
  anonymous?: boolean;
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface Rule {
  request(target: Target): Promise<Call> | Call;
  expect(caller: Caller, target: Target): number;
  /** Extra checks on a 2xx body. */
  check?(body: unknown, caller: Caller, target: Target): string | undefined;
}

t.test('access matrix: every caller × every operation × own / foreign municipality / foreign region', async (t) => {
  const { app, database } = await build(t, {
    rateLimit: { max: 1_000_000, anonymousMax: 1_000_000, timeWindowMs: 60_000 },
    tokenRateLimitMax: 1_000_000,
    consultationInputRateLimitMax: 1_000_000,
  });
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await seedSecondRegionInDraft(owner);

  await makePlatformAdmin(owner, 'operator');
  await grant(owner, 'vt-admin', 'region_admin', { region: VT });
  await grant(owner, 'tokke-editor', 'municipal_editor', { region: VT, municipality: '4026' });
  await grant(owner, 'barnevern-editor', 'service_editor', { region: VT, service: 'barnevern' });
  await grant(owner, 'vt-reader', 'reader', { region: VT });
  await grant(owner, 'grenland-admin', 'region_admin', { region: SECOND_REGION });
  const vtAdminToken = await tokenFor('vt-admin');
  const operatorToken = await tokenFor('operator');
  const fullClient = await clientWithToken(app, vtAdminToken, VT, ['plans:read', 'measures:read', 'webhooks:manage']);
  const webhookClient = await clientWithToken(app, vtAdminToken, VT, ['webhooks:manage']);
  const revokedClient = await clientWithToken(app, vtAdminToken, VT, ['plans:read', 'measures:read']);
  const revoked = await app.inject({ method: 'DELETE', url: `/v1/regions/${VT}/api-clients/${revokedClient.id}`, headers: bearer(vtAdminToken) });
  t.equal(revoked.statusCode, 204, 'the revoked client is revoked');

  const callers: Caller[] = [
    { name: 'anonymous', anonymous: true },
    { name: 'platform admin', token: await tokenFor('operator'), platformAdmin: true },
    { name: 'region admin', token: vtAdminToken, adminOf: VT, memberOf: VT },
    { name: 'municipal editor (Tokke)', token: await tokenFor('tokke-editor'), memberOf: VT, editorOf: '4026' },
    { name: 'service editor (barnevern)', token: await tokenFor('barnevern-editor'), memberOf: VT },
    { name: 'reader', token: await tokenFor('vt-reader'), memberOf: VT },
    { name: 'admin of another region', token: await tokenFor('grenland-admin'), adminOf: SECOND_REGION, memberOf: SECOND_REGION },
    { name: 'signed in, no memberships', token: await tokenFor('stranger') },
    { name: 'API client (all scopes)', token: fullClient.token, scopes: ['plans:read', 'measures:read', 'webhooks:manage'], memberOf: VT },
    { name: 'API client (webhooks:manage only)', token: webhookClient.token, scopes: ['webhooks:manage'] },
    { name: 'revoked API client', token: revokedClient.token, revoked: true, scopes: ['plans:read', 'measures:read'] },
  ];

  // Fresh things to remove or revoke, one per call, made as the operator would.
  let serial = 0;
  const next = () => `${Date.now().toString(36)}-${++serial}`;
  const freshMember = async (region: string) => `/v1/regions/${region}/members/${await grant(owner, `to-remove-${next()}`, 'reader', { region })}`;
  const freshClient = async (region: string) => {
    const { id: regionId } = await owner.selectFrom('regions').select('id').where('slug', '=', region).executeTakeFirstOrThrow();
    const row = await owner
      .insertInto('api_clients')
      .values({ region_id: regionId, name: 'til tilbakekalling', scopes: ['plans:read'], secret_hash: 'scrypt$1$1$1$AAAAAAAA$AAAAAAAAAAAAAAAA', created_by: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `/v1/regions/${region}/api-clients/${row.id}`;
  };

  // Webhook endpoints (and a failed delivery) to read, change, remove and redeliver, one per call.
  const freshEndpoint = async (region: string) => {
    const { id: regionId } = await owner.selectFrom('regions').select('id').where('slug', '=', region).executeTakeFirstOrThrow();
    const id = crypto.randomUUID();
    await owner
      .insertInto('webhook_endpoints')
      .values({ id, region_id: regionId, url: 'https://93.184.216.34/hook', event_types: ['measure.created'], secret_ciphertext: 'v1.matrix.sealed-secret-stand-in', created_by: 'test' })
      .execute();
    return { url: `/v1/regions/${region}/webhooks/${id}`, etag: `"${id}.1"`, id, regionId };
  };
  const freshDelivery = async (region: string) => {
    const endpoint = await freshEndpoint(region);
    const event = await owner.insertInto('webhook_events').values({ region_id: endpoint.regionId, type: 'measure.created', body: '{}' }).returning('id').executeTakeFirstOrThrow();
    const delivery = await owner
      .insertInto('webhook_deliveries')
      .values({ region_id: endpoint.regionId, endpoint_id: endpoint.id, event_id: event.id, status: 'failed', max_attempts: 1, next_attempt_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `${endpoint.url}/deliveries/${delivery.id}/redelivery`;
  };

  // The rules, from the roles' definitions.
  const valid = (c: Caller) => !c.revoked;
  const signedIn = (c: Caller) => !c.anonymous;
  const isClient = (c: Caller) => c.scopes !== undefined;
  const administers = (c: Caller, target: Target) => !!c.platformAdmin || c.adminOf === PLACE[target].region;
  const publicData = (c: Caller) => (valid(c) ? 200 : 401);
  const scoped = (scope: string, found: (target: Target) => boolean) => (c: Caller, target: Target) => {
    if (!valid(c)) return 401;
    if (isClient(c) && !c.scopes!.includes(scope)) return 403;
    return found(target) ? 200 : 404;
  };
  /** The second region has only drafts, which the public routes never show, to anyone. */
  const adopted = (target: Target) => target !== 'foreignRegion';
  const administration = (success: number) => (c: Caller, target: Target) => {
    if (!signedIn(c) || !valid(c)) return 401;
    return administers(c, target) ? success : 403;
  };
  const region = (target: Target) => PLACE[target].region;
  /** A region's webhooks: its administrators, platform admins, and its own clients whose token holds webhooks:manage (all clients here are Vest-Telemark's). */
  const webhooks = (success: number) => (c: Caller, target: Target) => {
    if (!signedIn(c) || !valid(c)) return 401;
    if (isClient(c)) return c.scopes!.includes('webhooks:manage') && region(target) === VT ? success : 403;
    return administers(c, target) ? success : 403;
  };
  const municipality = (target: Target) => PLACE[target].municipality;

  // Writing plans. Drafts are seen by the region's members only; a plan is
  // changed by the region's administrators, and an annex also by its own
  // municipality's editors. Version-scoped calls work on the target's annex.
  const bench = new DraftBench(owner);
  const annexOf = (x: Target) => ({ region: region(x), municipality: municipality(x) });
  const regionalOf = (x: Target) => ({ region: region(x) });
  const seesDrafts = (c: Caller, x: Target) => !!c.platformAdmin || c.memberOf === region(x);
  const edits = (c: Caller, x: Target, annex: boolean) =>
    !!c.platformAdmin || c.adminOf === region(x) || (annex && c.editorOf === municipality(x));
  const draftRead = (c: Caller, x: Target) => {
    if (!valid(c)) return 401;
    if (isClient(c) && !c.scopes!.includes('plans:read')) return 403;
    return seesDrafts(c, x) ? 200 : 404;
  };
  /** A write in a draft: those who cannot see it get 404, those who see but may not edit it 403. */
  const draftWrite = (success: number) => (c: Caller, x: Target) => {
    if (!signedIn(c) || !valid(c)) return 401;
    if (!seesDrafts(c, x)) return 404;
    return edits(c, x, true) ? success : 403;
  };
  /** A write where the target is public (a plan, a version in consultation): 403 for everyone but its editors. */
  const openWrite = (success: number, annex = true) => (c: Caller, x: Target) => {
    if (!signedIn(c) || !valid(c)) return 401;
    return edits(c, x, annex) ? success : 403;
  };
  const versionUrl = async (x: Target, state: 'draft' | 'consultation-open' | 'consultation-closed' = 'draft', fresh = false) =>
    `/v1/plan-versions/${fresh ? await bench.fresh(annexOf(x), state) : await bench.reuse(annexOf(x), state)}`;
  const idOf = (url: string) => url.split('/').pop()!;
  const listTag = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: bearer(operatorToken) });
    return res.headers.etag as string;
  };
  const itemRules = (
    name: string,
    segment: string,
    make: (versionId: string) => Promise<{ key: string; tag: string; goalKey?: string }>,
    payload: (versionId: string) => Promise<unknown> | unknown,
    createSegment?: (item: { goalKey?: string }) => string,
    getName = `get${name}`,
  ): Record<string, Rule> => ({
    [getName]: {
      request: async (x) => {
        const url = await versionUrl(x);
        return { method: 'GET', url: `${url}/${segment}/${(await make(idOf(url))).key}` };
      },
      expect: draftRead,
    },
    [`create${name}`]: {
      request: async (x) => {
        const url = await versionUrl(x);
        const path = createSegment ? createSegment(await make(idOf(url))) : segment;
        return { method: 'POST', url: `${url}/${path}`, payload: await payload(idOf(url)), headers: { 'if-match': await bench.versionTag(idOf(url)) } };
      },
      expect: draftWrite(201),
    },
    [`update${name}`]: {
      request: async (x) => {
        const url = await versionUrl(x);
        const item = await make(idOf(url));
        const patch = name === 'DesiredState' ? { text: 'Endra' } : name === 'Implementation' ? { notes: 'Endra' } : { title: 'Endra' };
        return { method: 'PATCH', url: `${url}/${segment}/${item.key}`, payload: patch, headers: { 'if-match': item.tag } };
      },
      expect: draftWrite(200),
    },
    [`delete${name}`]: {
      request: async (x) => {
        const url = await versionUrl(x);
        const item = await make(idOf(url));
        return { method: 'DELETE', url: `${url}/${segment}/${item.key}`, headers: { 'if-match': item.tag } };
      },
      expect: draftWrite(204),
    },
  });

  const rules: Record<string, Rule> = {
    getHealth: { request: () => ({ method: 'GET', url: '/healthz' }), expect: () => 200 },
    getReadiness: { request: () => ({ method: 'GET', url: '/readyz' }), expect: () => 200 },
    listRegions: { request: () => ({ method: 'GET', url: '/v1/regions' }), expect: publicData },
    getRegion: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}` }), expect: publicData },
    listMunicipalities: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/municipalities` }), expect: publicData },
    listServices: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/services` }), expect: publicData },
    getMunicipality: { request: (x) => ({ method: 'GET', url: `/v1/municipalities/${municipality(x)}` }), expect: publicData },
    getRegionalPlan: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/plan` }), expect: scoped('plans:read', adopted) },
    getAnnex: { request: (x) => ({ method: 'GET', url: `/v1/municipalities/${municipality(x)}/annex` }), expect: scoped('plans:read', adopted) },
    getMunicipalityPlan: {
      request: (x) => ({ method: 'GET', url: `/v1/municipalities/${municipality(x)}/plan` }),
      expect: scoped('plans:read', adopted),
    },
    getComplianceReport: {
      request: (x) => ({ method: 'GET', url: `/v1/municipalities/${municipality(x)}/plan/compliance` }),
      expect: scoped('plans:read', adopted),
    },
    listMeasures: {
      request: (x) => ({ method: 'GET', url: `/v1/measures?region=${region(x)}&limit=500` }),
      expect: scoped('measures:read', () => true),
      check: (body, _c, target) => {
        const items = (body as { items: { region?: string }[] }).items;
        if (target === 'foreignRegion' && items.length > 0) return 'the other region’s draft measures leaked';
        if (target !== 'foreignRegion' && items.length === 0) return 'adopted measures are missing';
        return undefined;
      },
    },
    getMeasure: {
      // A measure of the target's annex: adopted in Vest-Telemark, only in a draft in the other region.
      request: async (x) => {
        if (x === 'foreignRegion') return { method: 'GET', url: `/v1/measures/${(await bench.addMeasure(await bench.reuse(annexOf(x)))).key}` };
        const { planId } = await bench.planOf(annexOf(x));
        const row = await owner
          .selectFrom('measures as m')
          .innerJoin('plan_versions as v', 'v.id', 'm.plan_version_id')
          .select('m.identity_id')
          .where('v.plan_id', '=', planId)
          .where('v.status', '=', 'adopted')
          .executeTakeFirstOrThrow();
        return { method: 'GET', url: `/v1/measures/${row.identity_id}` };
      },
      expect: (c, x) => {
        if (!valid(c)) return 401;
        if (isClient(c) && !c.scopes!.includes('measures:read')) return 403;
        return x !== 'foreignRegion' || seesDrafts(c, x) ? 200 : 404;
      },
      check: (body, c, x) => {
        const statuses = (body as { versions: { status: string }[] }).versions.map((v) => v.status);
        return statuses.includes('draft') && !seesDrafts(c, x) ? 'a draft version leaked into the history' : undefined;
      },
    },
    getCurrentPrincipal: { request: () => ({ method: 'GET', url: '/v1/me' }), expect: (c) => (!signedIn(c) || !valid(c) ? 401 : 200) },
    createRegion: {
      request: () => {
        const id = next();
        const kommunenummer = String(5000 + serial).padStart(4, '0');
        return {
          method: 'POST',
          url: '/v1/regions',
          payload: {
            slug: `ny-${id}`,
            name: 'Ny kunde',
            kind: 'single_municipality',
            languageForm: 'nb',
            municipalities: [{ kommunenummer, name: 'Nykommune' }],
          },
        };
      },
      expect: (c) => (!signedIn(c) || !valid(c) ? 401 : c.platformAdmin ? 201 : 403),
    },
    listMembers: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/members` }), expect: administration(200) },
    listAuditEntries: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/audit-log?limit=5` }), expect: administration(200) },
    addMember: {
      request: (x) => ({ method: 'POST', url: `/v1/regions/${region(x)}/members`, payload: { subject: `new-${next()}`, role: 'reader' } }),
      expect: administration(201),
    },
    removeMember: { request: async (x) => ({ method: 'DELETE', url: await freshMember(region(x)) }), expect: administration(204) },
    listApiClients: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/api-clients` }), expect: administration(200) },
    createApiClient: {
      request: (x) => ({ method: 'POST', url: `/v1/regions/${region(x)}/api-clients`, payload: { name: 'Ny integrasjon', scopes: ['plans:read'] } }),
      expect: administration(201),
    },
    revokeApiClient: { request: async (x) => ({ method: 'DELETE', url: await freshClient(region(x)) }), expect: administration(204) },
    listRegionalPlanVersions: {
      request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/plan/versions` }),
      expect: scoped('plans:read', () => true),
      check: (body, c, x) => {
        const drafts = (body as { items: { status: string }[] }).items.filter((v) => v.status === 'draft');
        return drafts.length > 0 && !seesDrafts(c, x) ? 'drafts leaked into the list' : undefined;
      },
    },
    listAnnexVersions: {
      request: (x) => ({ method: 'GET', url: `/v1/municipalities/${municipality(x)}/annex/versions` }),
      expect: scoped('plans:read', () => true),
    },
    startRegionalPlanRevision: {
      request: async (x) => {
        await bench.clearOpen(regionalOf(x));
        const url = `/v1/regions/${region(x)}/plan/versions`;
        return { method: 'POST', url, payload: { title: 'Revisjon' }, headers: { 'if-match': await listTag(url) } };
      },
      expect: openWrite(201, false),
    },
    startAnnexRevision: {
      request: async (x) => {
        await bench.clearOpen(annexOf(x));
        const url = `/v1/municipalities/${municipality(x)}/annex/versions`;
        return { method: 'POST', url, payload: { title: 'Revisjon' }, headers: { 'if-match': await listTag(url) } };
      },
      expect: openWrite(201),
    },
    getPlanVersion: { request: async (x) => ({ method: 'GET', url: await versionUrl(x) }), expect: draftRead },
    updatePlanVersion: {
      request: async (x) => {
        const url = await versionUrl(x);
        return { method: 'PATCH', url, payload: { title: 'Ny tittel' }, headers: { 'if-match': await bench.versionTag(idOf(url)) } };
      },
      expect: draftWrite(200),
    },
    discardDraft: {
      request: async (x) => {
        const url = await versionUrl(x, 'draft', true);
        return { method: 'DELETE', url, headers: { 'if-match': await bench.versionTag(idOf(url)) } };
      },
      expect: draftWrite(204),
    },
    openConsultation: {
      request: async (x) => {
        const url = await versionUrl(x, 'draft', true);
        const today = osloToday();
        return { method: 'POST', url: `${url}/consultation`, payload: { opensOn: today, closesOn: addDays(today, 14) }, headers: { 'if-match': await bench.versionTag(idOf(url)) } };
      },
      expect: draftWrite(200),
    },
    returnToDraft: {
      request: async (x) => {
        const url = await versionUrl(x, 'consultation-closed', true);
        return { method: 'POST', url: `${url}/return-to-draft`, headers: { 'if-match': await bench.versionTag(idOf(url)) } };
      },
      // In consultation the version is public: those who may not change it are told so (403), not that it is missing.
      expect: openWrite(200),
    },
    adoptPlanVersion: {
      request: async (x) => {
        const url = await versionUrl(x, 'draft', true);
        return {
          method: 'POST',
          url: `${url}/adoption`,
          payload: { decidedBy: 'municipal_council', decision: 'adopted', decidedOn: osloToday(), caseReference: 'M/1' },
          headers: { 'if-match': await bench.versionTag(idOf(url)) },
        };
      },
      expect: draftWrite(200),
    },
    diffPlanVersions: {
      request: async (x) => {
        const url = await versionUrl(x);
        return { method: 'GET', url: `${url}/diff?from=${idOf(url)}` };
      },
      expect: draftRead,
    },
    ...itemRules('Section', 'sections', (v) => bench.addSection(v), () => ({ kind: 'free', title: 'Ny' })),
    ...itemRules('FocusArea', 'focus-areas', (v) => bench.addFocusArea(v), () => ({ title: 'Ny' })),
    ...itemRules('Goal', 'goals', (v) => bench.addGoal(v), () => ({ title: 'Ny' })),
    ...itemRules('DesiredState', 'desired-states', (v) => bench.addDesiredState(v), () => ({ text: 'Ny' }), (item) => `goals/${item.goalKey}/desired-states`),
    ...itemRules(
      'Measure',
      'measures',
      (v) => bench.addMeasure(v),
      async (v) => ({ goalId: (await bench.addGoal(v)).key, title: 'Nytt tiltak', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'planned' }),
      undefined,
      'getMeasureInVersion',
    ),
    ...itemRules('Implementation', 'implementations', (v) => bench.addImplementation(v), async (v) => ({ measureId: await bench.unimplementedRegionalMeasure(v), status: 'planned' })),
    submitConsultationInput: {
      request: async (x) => ({ method: 'POST', url: `${await versionUrl(x, 'consultation-open')}/consultation-input`, payload: { authorName: 'Matrise', text: 'Innspel' } }),
      // Anyone may send input while the window is open, wherever they belong; a refused token is still refused.
      expect: (c) => (valid(c) ? 201 : 401),
    },
    listConsultationInput: { request: async (x) => ({ method: 'GET', url: `${await versionUrl(x)}/consultation-input` }), expect: draftRead },
    getConsultationInput: {
      request: async (x) => {
        const url = await versionUrl(x);
        return { method: 'GET', url: `${url}/consultation-input/${(await bench.addInput(idOf(url))).key}` };
      },
      expect: draftRead,
    },
    answerConsultationInput: {
      request: async (x) => {
        const url = await versionUrl(x);
        const input = await bench.addInput(idOf(url));
        return { method: 'PUT', url: `${url}/consultation-input/${input.key}/answer`, payload: { response: 'Svar', handling: 'noted' }, headers: { 'if-match': input.tag } };
      },
      expect: draftWrite(200),
    },
    listWebhookEndpoints: { request: (x) => ({ method: 'GET', url: `/v1/regions/${region(x)}/webhooks` }), expect: webhooks(200) },
    createWebhookEndpoint: {
      request: (x) => ({ method: 'POST', url: `/v1/regions/${region(x)}/webhooks`, payload: { url: 'https://93.184.216.34/matrix', eventTypes: ['plan.version.adopted'] } }),
      expect: webhooks(201),
    },
    getWebhookEndpoint: { request: async (x) => ({ method: 'GET', url: (await freshEndpoint(region(x))).url }), expect: webhooks(200) },
    updateWebhookEndpoint: {
      request: async (x) => {
        const endpoint = await freshEndpoint(region(x));
        return { method: 'PATCH', url: endpoint.url, payload: { description: 'Endra' }, headers: { 'if-match': endpoint.etag } };
      },
      expect: webhooks(200),
    },
    deleteWebhookEndpoint: {
      request: async (x) => {
        const endpoint = await freshEndpoint(region(x));
        return { method: 'DELETE', url: endpoint.url, headers: { 'if-match': endpoint.etag } };
      },
      expect: webhooks(204),
    },
    listWebhookDeliveries: { request: async (x) => ({ method: 'GET', url: `${(await freshEndpoint(region(x))).url}/deliveries` }), expect: webhooks(200) },
    redeliverWebhook: { request: async (x) => ({ method: 'POST', url: await freshDelivery(region(x)) }), expect: webhooks(202) },
    issueToken: {
      // The token endpoint reads client credentials, not bearer tokens: whoever calls it with a good secret gets a token.
      request: () => ({
        method: 'POST',
        url: '/v1/oauth/token',
        payload: { grant_type: 'client_credentials', client_id: fullClient.id, client_secret: fullClient.secret },
      }),
      expect: () => 200,
    },
  };

  // Variants of one operation whose answer depends on the caller in its own way, run like the rules above.
  const feedRead = (c: Caller) => (!valid(c) ? 401 : isClient(c) && !c.scopes!.includes('measures:read') ? 403 : 200);
  const noDraftLeak = (body: unknown, c: Caller, x: Target) => {
    const items = (body as { items: { change?: string; measure?: unknown }[] }).items;
    const live = items.filter((i) => i.change === undefined || i.change === 'upserted');
    return live.length > 0 && !seesDrafts(c, x) ? 'draft measures leaked to a caller who may not see drafts' : undefined;
  };
  const variants: Record<string, Rule> = {
    'listMeasures?version=draft': {
      request: async (x) => {
        await bench.reuse(annexOf(x));
        return { method: 'GET', url: `/v1/measures?version=draft&municipality=${municipality(x)}&limit=500` };
      },
      expect: feedRead,
      check: noDraftLeak,
    },
    'listMeasures?version=draft&updatedSince': {
      request: async (x) => {
        await bench.reuse(annexOf(x));
        return { method: 'GET', url: `/v1/measures?version=draft&region=${region(x)}&updatedSince=1970-01-01T00:00:00Z&limit=500` };
      },
      expect: feedRead,
      check: noDraftLeak,
    },
    'listMeasures?updatedSince': {
      request: (x) => ({ method: 'GET', url: `/v1/measures?municipality=${municipality(x)}&updatedSince=1970-01-01T00:00:00Z&limit=500` }),
      expect: feedRead,
      check: (body, _c, x) => {
        const items = (body as { items: { change: string }[] }).items;
        if (x === 'foreignRegion' && items.some((i) => i.change === 'upserted')) return 'the other region’s draft measures leaked';
        if (x !== 'foreignRegion' && items.length === 0) return 'adopted measures are missing';
        return undefined;
      },
    },
    'listMeasures as CSV': {
      request: (x) => ({ method: 'GET', url: `/v1/measures?region=${region(x)}&limit=5`, headers: { accept: 'text/csv' } }),
      expect: feedRead,
    },
  };
  for (const [name, rule] of Object.entries(variants)) {
    for (const caller of callers) {
      for (const target of TARGETS) {
        const call = await rule.request(target);
        const res = await app.inject({ ...call, headers: { ...call.headers, ...(caller.token ? bearer(caller.token) : {}) } } as never);
        t.equal(res.statusCode, rule.expect(caller, target), `${name} as ${caller.name} on ${target}`);
        if (res.statusCode === 200 && rule.check) {
          const problem = rule.check(res.json(), caller, target);
          t.notOk(problem, `${name} as ${caller.name} on ${target}: ${problem ?? 'body as expected'}`);
        }
      }
    }
  }

  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const inventory = Object.values(spec.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
  t.ok(inventory.length >= 20, `the inventory lists ${inventory.length} operations`);
  for (const operationId of inventory) {
    const rule = rules[operationId];
    if (!rule) {
      t.fail(`${operationId} has no access rule: add one to this matrix`);
      continue;
    }
    for (const caller of callers) {
      for (const target of TARGETS) {
        const call = await rule.request(target);
        const res = await app.inject({ ...call, headers: { ...call.headers, ...(caller.token ? bearer(caller.token) : {}) } } as never);
        const expected = rule.expect(caller, target);
        t.equal(res.statusCode, expected, `${operationId} as ${caller.name} on ${target}`);
        if (res.statusCode >= 400) {
          t.match(res.headers['content-type'], /^application\/problem\+json/, `${operationId} as ${caller.name} on ${target}: problem+json`);
        } else if (rule.check && res.statusCode === expected && res.body) {
          const problem = rule.check(res.json(), caller, target);
          t.notOk(problem, `${operationId} as ${caller.name} on ${target}: ${problem ?? 'body as expected'}`);
        }
      }
    }
  }
  for (const operationId of Object.keys(rules)) t.ok(inventory.includes(operationId), `${operationId} is in the published inventory`);
});
