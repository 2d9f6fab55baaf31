import type { ComplianceReport, PlanVersion, VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { assertContract } from './support/contract.js';
import { clientWithToken, grant } from './support/principals.js';
import { SECOND_REGION, seedSecondRegionInDraft } from './support/second-region.js';

const TOKKE = '4026';
const REPORT = `/v1/municipalities/${TOKKE}/plan/compliance`;

t.test('getComplianceReport', async (t) => {
  const { app, database } = await build(t);
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  await seedSecondRegionInDraft(owner);
  await grant(owner, 'vt-admin', 'region_admin', { region: 'vest-telemark' });
  await grant(owner, 'tokke-editor', 'municipal_editor', { region: 'vest-telemark', municipality: TOKKE });
  await grant(owner, 'vt-reader', 'reader', { region: 'vest-telemark' });
  await grant(owner, 'grenland-admin', 'region_admin', { region: SECOND_REGION });
  const admin = await tokenFor('vt-admin');
  const editor = await tokenFor('tokke-editor');
  const reader = await tokenFor('vt-reader');

  t.test('Tokke’s adopted plan: complete, in nynorsk, with what its council should look at', async (t) => {
    const response = await call(app, 'GET', REPORT);
    t.equal(response.statusCode, 200);
    const report = response.json() as ComplianceReport;
    assertContract(t, 'ComplianceReport', report);
    t.equal(report.complete, true);
    t.equal(report.languageForm, 'nn');
    t.same(report.elements.map((e) => [e.element, e.present]), [['goals', true], ['organisation', true], ['responsibility', true], ['cooperation', true]]);
    t.same(report.elements.map((e) => e.label), ['Mål for arbeidet', 'Korleis arbeidet er organisert', 'Ansvarsfordelinga mellom etatane', 'Korleis etatane samarbeider']);
    t.match(report.summary, /^Planen for Tokke skildrar alle dei fire tinga barnevernslova § 3-1 krev\. 2 merknader bør sjåast på\.$/);
    t.same(report.warnings.map((w) => w.code).sort(), ['no_consultation', 'not_adopted_by_council']);
    const evidence = report.elements.find((e) => e.element === 'responsibility')!.evidence;
    t.match(evidence.find((e) => e.title === 'Foreldretrappa'), { kind: 'measure', origin: 'local', detail: 'Barnehagen, Skulen, Helsestasjonen' }, 'the responsible services are named');
  });

  t.test('every seeded municipality’s plan is complete', async (t) => {
    for (const k of ['4022', '4023', '4024', '4025', '4027']) {
      const report = (await call(app, 'GET', `/v1/municipalities/${k}/plan/compliance`)).json() as ComplianceReport;
      t.equal(report.complete, true, `${k}`);
      t.notOk(report.warnings.some((w) => w.code === 'not_adopted_by_council'), `${k}: its council adopted the plan`);
    }
  });

  t.test('a draft: organisation removed from both parts is reported missing, the adopted plan is unaffected', async (t) => {
    const regionalList = await call(app, 'GET', '/v1/regions/vest-telemark/plan/versions');
    const regional = (await call(app, 'POST', '/v1/regions/vest-telemark/plan/versions', { token: admin, ifMatch: etagOf(regionalList), payload: {} })).json() as VersionSummary;
    const annexList = await call(app, 'GET', `/v1/municipalities/${TOKKE}/annex/versions`);
    const annex = (await call(app, 'POST', `/v1/municipalities/${TOKKE}/annex/versions`, { token: editor, ifMatch: etagOf(annexList), payload: {} })).json() as VersionSummary;
    for (const [version, token] of [[regional, admin], [annex, editor]] as const) {
      const content = (await call(app, 'GET', `/v1/plan-versions/${version.id}`, { token })).json() as PlanVersion;
      for (const section of content.sections.filter((s) => s.kind === 'organisation')) {
        const url = `/v1/plan-versions/${version.id}/sections/${section.id}`;
        const removed = await call(app, 'DELETE', url, { token, ifMatch: etagOf(await call(app, 'GET', url, { token })) });
        t.equal(removed.statusCode, 204, `removed "${section.title}"`);
      }
    }
    const draft = await call(app, 'GET', `${REPORT}?version=draft`, { token: reader });
    t.equal(draft.statusCode, 200);
    const report = draft.json() as ComplianceReport;
    assertContract(t, 'ComplianceReport', report);
    t.same(report.elements.map((e) => [e.element, e.present]), [['goals', true], ['organisation', false], ['responsibility', true], ['cooperation', true]]);
    t.equal(report.complete, false);
    t.match(report.summary, 'Planen for Tokke manglar: korleis arbeidet er organisert.');
    t.same(
      report.warnings.filter((w) => w.code === 'not_adopted').map((w) => w.subject?.id).sort(),
      [regional.id, annex.id].sort(),
      'both parts are reported as not adopted',
    );
    t.equal(report.regionalVersion.status, 'draft');

    t.equal(((await call(app, 'GET', REPORT)).json() as ComplianceReport).complete, true, 'the adopted plan is still complete');
  });

  t.test('who sees a draft’s report', async (t) => {
    const draftReport = `${REPORT}?version=draft`;
    t.equal((await call(app, 'GET', draftReport)).statusCode, 404, 'not the public');
    t.equal((await call(app, 'GET', draftReport, { token: await tokenFor('grenland-admin') })).statusCode, 404, 'not another region’s admin');
    t.equal((await call(app, 'GET', draftReport, { token: await tokenFor('stranger') })).statusCode, 404, 'not someone with no memberships');
    t.equal((await call(app, 'GET', draftReport, { token: editor })).statusCode, 200, 'Tokke’s editor');
    const planReader = await clientWithToken(app, admin, 'vest-telemark', ['plans:read']);
    const feedReader = await clientWithToken(app, admin, 'vest-telemark', ['measures:read']);
    const otherRegion = await clientWithToken(app, await tokenFor('grenland-admin'), SECOND_REGION, ['plans:read']);
    const revoked = await clientWithToken(app, admin, 'vest-telemark', ['plans:read']);
    t.equal((await call(app, 'DELETE', `/v1/regions/vest-telemark/api-clients/${revoked.id}`, { token: admin })).statusCode, 204);
    t.equal((await call(app, 'GET', draftReport, { token: planReader.token })).statusCode, 200, 'the region’s API client with plans:read');
    t.equal((await call(app, 'GET', draftReport, { token: feedReader.token })).statusCode, 403, 'an API client with only measures:read');
    t.equal((await call(app, 'GET', draftReport, { token: otherRegion.token })).statusCode, 404, 'another region’s API client');
    t.equal((await call(app, 'GET', draftReport, { token: revoked.token })).statusCode, 401, 'a revoked API client');
    for (const [name, token] of [['plans:read client', planReader.token], ['other region', otherRegion.token]] as const) {
      const pdf = await call(app, 'GET', `/v1/municipalities/${TOKKE}/plan?version=draft`, { token, headers: { accept: 'application/pdf' } });
      t.equal(pdf.statusCode, name === 'other region' ? 404 : 200, `the draft as PDF: ${name}`);
    }
    t.equal((await call(app, 'GET', '/v1/municipalities/3826/plan/compliance')).statusCode, 404, 'a region with no adopted plan has no adopted report');
    t.equal((await call(app, 'GET', '/v1/municipalities/3826/plan/compliance?version=draft', { token: await tokenFor('grenland-admin') })).statusCode, 200, 'but its own admin sees the draft’s');
  });

  t.test('bad input', async (t) => {
    t.equal((await call(app, 'GET', '/v1/municipalities/0000/plan/compliance')).statusCode, 404);
    t.equal((await call(app, 'GET', '/v1/municipalities/42/plan/compliance')).statusCode, 400);
    const badVersion = await call(app, 'GET', `${REPORT}?version=latest`);
    t.equal(badVersion.statusCode, 400);
    t.match(badVersion.json(), { errors: [{ field: /querystring\/version/ }] });
    t.equal((await call(app, 'GET', `${REPORT}?format=pdf`)).statusCode, 400, 'unknown query parameters are refused');
  });
});
