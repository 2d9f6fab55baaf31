import t from 'tap';
import { build } from './helper.js';
import { assertContract } from './support/contract.js';

t.test('the public read API over the seeded Vest-Telemark demo', async (t) => {
  const { app } = await build(t);
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, type: res.headers['content-type'], body: res.json() };
  };

  t.test('listRegions lists Vest-Telemark with its six municipalities', async (t) => {
    const { status, body } = await get('/v1/regions');
    t.equal(status, 200);
    assertContract(t, 'RegionList', body);
    const region = body.items.find((r: { slug: string }) => r.slug === 'vest-telemark');
    t.ok(region, 'vest-telemark is listed');
    t.same(
      region.municipalities.map((m: { kommunenummer: string }) => m.kommunenummer),
      ['4022', '4023', '4024', '4025', '4026', '4027'],
    );
    t.equal(region.languageForm, 'nn');
  });

  t.test('getRegion', async (t) => {
    const region = (await get('/v1/regions/vest-telemark')).body;
    t.equal(region.name, 'Vest-Telemark');
    assertContract(t, 'Region', region);
    assertContract(t, 'Problem', (await get('/v1/regions/atlantis')).body);
    const missing = await get('/v1/regions/atlantis');
    t.equal(missing.status, 404);
    t.match(missing.type, /^application\/problem\+json/);
    t.equal(missing.body.type, '/problems/not-found');
    const malformed = await get('/v1/regions/Not_A_Slug');
    t.equal(malformed.status, 400);
    t.equal(malformed.body.type, '/problems/validation-error');
    t.match(malformed.body.errors[0].field, /^params\/region/);
  });

  t.test('listMunicipalities and listServices', async (t) => {
    const municipalities = await get('/v1/regions/vest-telemark/municipalities');
    t.equal(municipalities.status, 200);
    assertContract(t, 'MunicipalityList', municipalities.body);
    t.same(
      municipalities.body.items.map((m: { name: string }) => m.name),
      ['Seljord', 'Kviteseid', 'Nissedal', 'Fyresdal', 'Tokke', 'Vinje'],
    );
    const services = await get('/v1/regions/vest-telemark/services');
    t.equal(services.status, 200);
    assertContract(t, 'ServiceList', services.body);
    const shared = services.body.items.filter((s: { scope: string }) => s.scope === 'intermunicipal');
    t.same(shared.map((s: { kind: string }) => s.kind).sort(), ['barnevern', 'nav', 'ppt']);
    for (const s of shared) t.equal(s.municipalities.length, 6, `${s.name} serves all six`);
    t.equal((await get('/v1/regions/atlantis/services')).status, 404);
    t.equal((await get('/v1/regions/atlantis/municipalities')).status, 404);
  });

  t.test('getRegionalPlan returns the adopted nynorsk plan with the four § 3-1 elements', async (t) => {
    const { status, body } = await get('/v1/regions/vest-telemark/plan');
    t.equal(status, 200);
    assertContract(t, 'PlanVersion', body);
    t.equal(body.version.status, 'adopted');
    t.equal(body.version.languageForm, 'nn');
    t.match(body.version.title, /Vegen mot livsmeistring/);
    t.ok(body.version.adoption.caseReference);
    const kinds = new Set(body.sections.map((s: { kind: string }) => s.kind));
    for (const kind of ['vision', 'main_goal', 'organisation', 'responsibility', 'cooperation']) t.ok(kinds.has(kind), kind);
    t.ok(body.goals.length >= 5, 'at least five goals');
    const measures = body.goals.flatMap((g: { measures: unknown[] }) => g.measures);
    t.ok(measures.length >= 20, 'at least twenty measures');
    t.equal((await get('/v1/regions/atlantis/plan')).status, 404);
  });

  t.test('getAnnex', async (t) => {
    const { status, body } = await get('/v1/municipalities/4026/annex');
    t.equal(status, 200);
    assertContract(t, 'PlanVersion', body);
    t.equal(body.version.planKind, 'annex');
    t.equal(body.version.kommunenummer, '4026');
    t.equal((await get('/v1/municipalities/9999/annex')).status, 404);
    const malformed = await get('/v1/municipalities/426/annex');
    t.equal(malformed.status, 400);
    t.match(malformed.body.errors[0].field, /params\/kommunenummer/);
  });

  t.test("getMunicipalityPlan: Tokke's complete plan has the regional goals and Tokke's own, Foreldretrappa among them", async (t) => {
    const regional = (await get('/v1/regions/vest-telemark/plan')).body;
    const { status, body } = await get('/v1/municipalities/4026/plan');
    t.equal(status, 200);
    assertContract(t, 'MunicipalityPlan', body);
    t.same(body.unplacedMeasures, [], 'every local measure found its regional goal');
    t.equal(body.municipality.name, 'Tokke');
    t.equal(body.annexVersion.kommunenummer, '4026');
    const regionalGoalIds = regional.goals.map((g: { id: string }) => g.id);
    t.same(
      body.goals.filter((g: { origin: string }) => g.origin === 'regional').map((g: { id: string }) => g.id),
      regionalGoalIds,
      'every regional goal, in order',
    );
    const all = body.goals.flatMap((g: { measures: { title: string; origin: string }[] }) => g.measures);
    const foreldretrappa = all.find((m: { title: string }) => /Foreldretrappa/.test(m.title));
    t.ok(foreldretrappa, 'Foreldretrappa is in the plan');
    t.equal(foreldretrappa.origin, 'local');
    t.ok(all.some((m: { implementation: unknown }) => m.implementation), 'some regional measure has a local implementation');
    t.ok(body.sections.some((s: { origin: string }) => s.origin === 'local'), 'local sections follow the regional ones');
    t.equal((await get('/v1/municipalities/0000/plan')).status, 404);
    t.equal((await get('/v1/municipalities/40261/plan')).status, 400);
  });

  t.test('getMunicipality', async (t) => {
    const { body } = await get('/v1/municipalities/4027');
    t.equal(body.name, 'Vinje');
    t.equal(body.region, 'vest-telemark');
    assertContract(t, 'Municipality', body);
    t.equal((await get('/v1/municipalities/9999')).status, 404);
    t.equal((await get('/v1/municipalities/abcd')).status, 400);
  });

  t.test('unknown query parameters and malformed URLs are refused as problem+json', async (t) => {
    const unknown = await get('/v1/regions/vest-telemark?x=1');
    t.equal(unknown.status, 400);
    t.match(unknown.body.errors[0].field, /querystring\/x/);
    const badUrl = await get('/v1/regions/%E0%A4%A');
    t.equal(badUrl.status, 400);
    t.match(badUrl.type, /^application\/problem\+json/);
    const longSlug = await get(`/v1/regions/${'a'.repeat(120)}`);
    t.equal(longSlug.status, 400, 'an over-long slug is a validation error, not a missing route');
  });
});
