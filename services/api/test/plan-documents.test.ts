import type { MunicipalityPlan, VersionSummary } from '@oppvekst/contracts';
import { createOwnerDb, type Database } from '@oppvekst/db';
import type { Kysely } from 'kysely';
import t from 'tap';
import { build } from './helper.js';
import { call, etagOf } from './support/api.js';
import { tokenFor } from './support/auth.js';
import { collapse, pdfPages } from './support/pdf-text.js';
import { grant } from './support/principals.js';
import { SECOND_REGION, seedSecondRegionInDraft } from './support/second-region.js';

const TOKKE = '4026';
const PLAN = `/v1/municipalities/${TOKKE}/plan`;

t.test('a municipality’s complete plan as a council document', async (t) => {
  const { app, database } = await build(t);
  const owner: Kysely<Database> = createOwnerDb<Database>(database.adminUrl);
  t.teardown(() => owner.destroy());
  const as = (accept: string, url = PLAN, token?: string) => call(app, 'GET', url, { headers: { accept }, ...(token ? { token } : {}) });
  const plan = (await call(app, 'GET', PLAN)).json() as MunicipalityPlan;
  const goalTitles = plan.goals.map((g) => g.title);
  t.ok(goalTitles.length >= 8, 'Tokke’s plan has the regional goals and its own');

  t.test('PDF: Tokke’s goals and Foreldretrappa are in the text a reader extracts', async (t) => {
    const response = await as('application/pdf');
    t.equal(response.statusCode, 200);
    t.equal(response.headers['content-type'], 'application/pdf');
    t.match(response.headers['content-disposition'], 'filename="oppvekstplan-4026.pdf"');
    t.equal(response.headers.vary, 'Accept');
    t.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const pages = await pdfPages(response.rawPayload);
    const text = pages.join(' ');
    t.ok(pages.length > 5, `${pages.length} pages`);
    for (const title of goalTitles) t.ok(text.includes(collapse(title)), `goal: ${title}`);
    t.match(text, 'Foreldretrappa', 'Foreldretrappa is there');
    t.match(text, /Foreldretrappa .*frå 2025/, 'with its period, the nynorsk way');
    t.match(text, 'Pågåande');
    t.match(text, /Tokke kommunestyre: teke til orientering 19\. juni 2025/, 'the adoption facts on the title page');
    t.match(pages[0], 'Tokke (4026)', 'the municipality on the title page');
    t.ok(text.indexOf('Del 1: Den felles planen') < text.indexOf('Del 2: Lokal del: Tokke'), 'the regional part, then the local part');
    t.ok(pages.every((p, i) => p.includes(`Side ${i + 1} av ${pages.length}`)), 'every page is numbered');
    t.notMatch(text, /UTKAST|HØYRINGSUTKAST/, 'an adopted plan carries no draft mark');
    const fonts = response.rawPayload.toString('latin1').match(/\/FontFile2|\/FontFile3|\/FontFile /g) ?? [];
    t.ok(fonts.length > 0, 'the fonts are embedded');
    t.notMatch(response.rawPayload.toString('latin1'), /\/BaseFont \/Helvetica/, 'no unembedded standard font');
  });

  t.test('Markdown: title page facts, the two parts, goals with desired states and measure tables', async (t) => {
    const response = await as('text/markdown');
    t.equal(response.statusCode, 200);
    t.equal(response.headers['content-type'], 'text/markdown; charset=utf-8');
    const md = response.body;
    const lines = md.split('\n');
    t.equal(lines[0], `# ${plan.regionalVersion.title}`, 'the plan title is the only level-1 heading');
    t.equal(lines.filter((l) => /^# /.test(l)).length, 1);
    t.match(md, '- **Kommune:** Tokke (4026)');
    t.match(md, /- \*\*Planperiode:\*\* \d{4}–\d{4}/);
    const part1 = lines.indexOf('## Del 1: Den felles planen');
    const part2 = lines.indexOf('## Del 2: Lokal del: Tokke');
    t.ok(part1 > 0 && part2 > part1, 'the regional part, then the local part');
    for (const goal of plan.goals) {
      const at = lines.indexOf(`#### ${goal.title}`);
      t.ok(at > 0, `goal heading: ${goal.title}`);
      t.ok(goal.origin === 'regional' ? at < part2 : at > part2, `${goal.title} is in the ${goal.origin} part`);
      if (goal.desiredStates.length) t.equal(lines[at + (goal.description ? 4 : 2)], '##### Slik vil vi ha det', 'desired states under the goal');
    }
    t.match(md, '| Tiltak | Periode | Ansvarleg | Partnarar | Nivå | Alder | Forankring |', 'the measures table in nynorsk');
    const row = lines.find((l) => l.startsWith('| **Foreldretrappa**'));
    t.ok(row, 'Foreldretrappa has a row');
    t.match(row, /\| frå 2025 \| Barnehagen, Skulen, Helsestasjonen \| SLT-koordinator, FAU \| For alle \| Barnehage, Barneskule, Ungdomsskule \| art\. 3, 18; barnehagelova, opplæringslova, helse- og omsorgstenestelova \|/);
    t.match(md, '### Slik gjennomfører vi dei felles tiltaka lokalt', 'how Tokke carries out the shared measures');
    t.match(md, '### Høyringsinnspel og korleis dei er handsama: felles plan', 'the consultation record of the adopted regional plan');
    t.match(md, 'Denne delen av planen har ikkje vore på høyring.', 'the annex never went to consultation, and says so');
    t.notMatch(md, /UTKAST/);
  });

  t.test('HTML: one self-contained printable page', async (t) => {
    const response = await as('text/html');
    t.equal(response.statusCode, 200);
    t.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    t.equal(response.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", 'the page may run and fetch nothing');
    t.equal(response.headers['x-content-type-options'], 'nosniff');
    const html = response.body;
    t.match(html, /^<!doctype html>\n<html lang="nn">/);
    t.notMatch(html, /<script|<link|<img|<iframe|src=|@import|url\(/i, 'nothing loaded from anywhere, no scripts');
    t.match(html, /<style>[\s\S]*@page \{ size: A4/, 'print styles for A4');
    t.match(html, '<h2 class="part">Del 1: Den felles planen</h2>');
    t.ok(html.indexOf('Del 1: Den felles planen') < html.indexOf('Del 2: Lokal del: Tokke'));
    for (const title of goalTitles) t.match(html, `<h4>${title}</h4>`, `goal: ${title}`);
    t.match(html, /<th scope="col">Periode<\/th>/);
    t.match(html, /<td><strong>Foreldretrappa<\/strong><br>[^<]*<\/td><td>frå 2025<\/td>/);
    t.notMatch(html, /class="mark"/, 'adopted: no mark');
  });

  t.test('content negotiation: JSON by default, q-values honoured, 406 for what cannot be made', async (t) => {
    t.match((await as('*/*')).headers['content-type'], /^application\/json/);
    t.match((await call(app, 'GET', PLAN)).headers['content-type'], /^application\/json/, 'no Accept: JSON');
    t.equal((await as('text/markdown;q=0.2, application/pdf;q=0.9')).headers['content-type'], 'application/pdf');
    t.match((await as('text/*')).headers['content-type'], /^text\/markdown/);
    t.match((await as('application/json; charset=utf-8')).headers['content-type'], /^application\/json/, 'media type parameters do not stop JSON');
    t.match((await as('text/markdown; variant=GFM')).headers['content-type'], /^text\/markdown/);
    const refused = await as('image/png');
    t.equal(refused.statusCode, 406);
    t.match(refused.headers['content-type'], /^application\/problem\+json/);
    t.match(refused.json(), { type: '/problems/not-acceptable', status: 406, acceptable: ['application/json', 'text/markdown', 'text/html', 'application/pdf'] });
    t.equal(refused.headers.vary, 'Accept', 'a 406 also varies by Accept');
    for (const odd of [',', '*/*;q=0', '*', 'x'.repeat(8000)]) t.equal((await as(odd)).statusCode, 406, `Accept: ${odd.slice(0, 20)}`);
    t.equal((await as('text/markdown', '/v1/municipalities/0000/plan')).statusCode, 404, 'a missing plan is 404 in any format');
    t.equal((await as('text/markdown', `${PLAN}?version=final`)).statusCode, 400);
  });

  t.test('the regional plan as a document', async (t) => {
    const md = (await as('text/markdown', '/v1/regions/vest-telemark/plan')).body;
    t.match(md, /^# Vegen mot livsmeistring/);
    t.notMatch(md, /Del 2: Lokal del/, 'no local part');
    t.match(md, '### Organisering av arbeidet');
    const pdf = await as('application/pdf', '/v1/regions/vest-telemark/plan');
    t.equal(pdf.headers['content-type'], 'application/pdf');
    t.match((await pdfPages(pdf.rawPayload)).join(' '), 'Heimebesøk frå jordmor og helsesjukepleiar');
    t.equal((await as('image/png', '/v1/regions/vest-telemark/plan')).statusCode, 406);
  });

  t.test('a draft is marked on every page, and only its region sees it', async (t) => {
    await grant(owner, 'tokke-editor', 'municipal_editor', { region: 'vest-telemark', municipality: TOKKE });
    await grant(owner, 'vt-reader', 'reader', { region: 'vest-telemark' });
    const editor = await tokenFor('tokke-editor');
    const reader = await tokenFor('vt-reader');
    const list = await call(app, 'GET', `/v1/municipalities/${TOKKE}/annex/versions`);
    const started = await call(app, 'POST', `/v1/municipalities/${TOKKE}/annex/versions`, { token: editor, ifMatch: etagOf(list), payload: {} });
    t.equal(started.statusCode, 201);
    const draft = started.json() as VersionSummary;

    const draftUrl = `${PLAN}?version=draft`;
    t.equal((await as('text/markdown', draftUrl)).statusCode, 404, 'the public does not see the draft');
    t.equal((await as('text/markdown', draftUrl, await tokenFor('stranger'))).statusCode, 404, 'nor someone from outside the region');
    const md = (await as('text/markdown', draftUrl, reader)).body;
    t.equal(md.split('\n')[0], '> **UTKAST – ikkje vedteke**', 'the mark comes first');
    t.equal(md.match(/> \*\*UTKAST – ikkje vedteke\*\*/g)?.length, 4, 'and again before each part and at the end');
    t.match(md, '- **Status (lokal del):** Utkast, versjon 2');
    t.notMatch((await as('text/markdown', PLAN, reader)).body, /UTKAST/, 'the adopted plan is still there, unmarked');

    const pdf = await as('application/pdf', draftUrl, reader);
    const pages = await pdfPages(pdf.rawPayload);
    t.ok(pages.length > 5);
    t.ok(pages.every((p) => p.includes('UTKAST – ikkje vedteke')), 'every page of the PDF carries the mark');
    const html = (await as('text/html', draftUrl, reader)).body;
    t.match(html, '<body class="not-adopted">');
    t.match(html, '<div class="mark" role="note">UTKAST – ikkje vedteke</div>');

    // In consultation: the public sees it, marked as a consultation draft.
    await owner.updateTable('plan_versions').set({ status: 'consultation', consultation_opens_on: '2026-01-01', consultation_closes_on: '2026-02-01' }).where('id', '=', draft.id).execute();
    const publicMd = await as('text/markdown', draftUrl);
    t.equal(publicMd.statusCode, 200, 'a version in consultation is public');
    t.equal(publicMd.body.split('\n')[0], '> **HØYRINGSUTKAST – ikkje vedteke**');
  });

  t.test('bokmål labels for a bokmål municipality', async (t) => {
    await owner.updateTable('municipalities').set({ language_form: 'nb' }).where('kommunenummer', '=', '4027').execute();
    const md = (await as('text/markdown', '/v1/municipalities/4027/plan')).body;
    t.match(md, '| Tiltak | Periode | Ansvarlig | Partnere | Nivå | Alder | Forankring |');
    t.match(md, '| Pågående |');
    t.match(md, 'For noen');
    t.notMatch(md, /Pågåande|For nokon|Ansvarleg/, 'no nynorsk labels');
  });

  t.test('an adopted version’s consultation record: input, handling and answer, never the contact', async (t) => {
    await seedSecondRegionInDraft(owner);
    const region = await owner.selectFrom('regions').select('id').where('slug', '=', SECOND_REGION).executeTakeFirstOrThrow();
    const version = await owner
      .selectFrom('plan_versions as v')
      .innerJoin('plans as p', 'p.id', 'v.plan_id')
      .select('v.id')
      .where('p.region_id', '=', region.id)
      .where('p.kind', '=', 'regional')
      .executeTakeFirstOrThrow();
    await owner.updateTable('plan_versions').set({ status: 'consultation', consultation_opens_on: '2026-01-05', consultation_closes_on: '2026-02-05' }).where('id', '=', version.id).execute();
    const submission = await owner
      .insertInto('consultation_submissions')
      .values({ region_id: region.id, plan_version_id: version.id, author_name: 'Ungdomsrådet', text: 'Vi vil ha ope ungdomshus i helgane.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await owner.insertInto('consultation_contacts').values({ region_id: region.id, plan_version_id: version.id, submission_id: submission.id, contact: 'leiar@ungdomsraad.example' }).execute();
    await owner
      .updateTable('consultation_submissions')
      .set({ response: 'Teke inn i tiltaket om ungdomshus.', handling: 'accepted', answered_at: new Date(), answered_by: 'test' })
      .where('id', '=', submission.id)
      .execute();
    await owner
      .updateTable('plan_versions')
      .set({ status: 'adopted', decided_by: 'regional_council', decided_by_name: 'Grenlandsrådet', decision: 'adopted', decided_on: '2026-03-01', case_reference: '26/1', adopted_at: new Date() })
      .where('id', '=', version.id)
      .execute();
    const md = (await as('text/markdown', `/v1/regions/${SECOND_REGION}/plan`)).body;
    t.match(md, '## Høyringsinnspel og korleis dei er handsama');
    // The region's admin reads the draft plan of a municipality: the adopted regional part's record is
    // loaded as the admin, who may see contacts, and still none is printed.
    await grant(owner, 'grenland-admin', 'region_admin', { region: SECOND_REGION });
    const admin = await tokenFor('grenland-admin');
    const contacts = await call(app, 'GET', `/v1/plan-versions/${version.id}/consultation-input`, { token: admin });
    t.match(contacts.json(), { items: [{ contact: 'leiar@ungdomsraad.example' }] }, 'the admin can see the contact through the API');
    const asAdmin = (await as('text/markdown', '/v1/municipalities/3826/plan?version=draft', admin)).body;
    t.match(asAdmin, '| Ungdomsrådet | Vi vil ha ope ungdomshus i helgane. | Teke til følgje |', 'the record is in the admin’s document');
    t.notMatch(asAdmin, /ungdomsraad\.example/, 'but not the contact');
    t.match(md, '- **Høyringsperiode:** 5. januar 2026 – 5. februar 2026');
    t.match(md, '| Ungdomsrådet | Vi vil ha ope ungdomshus i helgane. | Teke til følgje | Teke inn i tiltaket om ungdomshus. |');
    t.notMatch(md, /ungdomsraad\.example/, 'the contact is not published');
  });
});
