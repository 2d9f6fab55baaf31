import type { Measure, PlanVersion } from '@oppvekst/contracts';
import t from 'tap';
import { mergeMunicipalityPlan } from '../src/plans/merge.js';

const id = (n: number) => `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`;

function measure(n: number, goalId: string, title = `Tiltak ${n}`): Measure {
  return {
    id: id(n), goalId, title, description: '', period: { kind: 'ongoing', from: null, to: null }, responsibilities: [],
    preventionLevel: 'universal', ageGroups: ['kindergarten'], conventionArticles: [3], laws: ['barnehageloven'],
    programme: null, status: 'active', position: n,
  };
}

function version(kind: 'regional' | 'annex', overrides: Partial<PlanVersion> = {}): PlanVersion {
  return {
    version: {
      id: id(kind === 'regional' ? 900 : 901), planId: id(kind === 'regional' ? 910 : 911), planKind: kind, region: 'vt',
      kommunenummer: kind === 'annex' ? '4026' : null, versionNumber: 1, status: 'adopted', title: kind, languageForm: 'nn',
      period: { from: 2024, to: 2030 }, consultation: null, adoption: null,
    },
    sections: [{ id: id(kind === 'regional' ? 800 : 801), kind: 'cooperation', title: kind, body: '', position: 0 }],
    focusAreas: [],
    goals: [],
    measuresForRegionalGoals: [],
    implementations: [],
    ...overrides,
  };
}

const G1 = id(101);
const G2 = id(102);
const regional = version('regional', {
  goals: [
    { id: G1, focusAreaId: null, title: 'Trygge foreldre', description: '', position: 0, desiredStates: [], measures: [measure(1, G1), measure(2, G1)] },
    { id: G2, focusAreaId: null, title: 'Meistring', description: '', position: 1, desiredStates: [], measures: [measure(3, G2)] },
  ],
});
const municipality = { kommunenummer: '4026', name: 'Tokke', languageForm: 'nn' as const };
const region = { slug: 'vt', name: 'Vest-Telemark' };

t.test('without an annex the complete plan is the regional plan', async (t) => {
  const plan = mergeMunicipalityPlan({ municipality, region, regional, annex: null });
  t.equal(plan.annexVersion, null);
  t.same(plan.goals.map((g) => [g.id, g.origin, g.measures.map((m) => m.id)]), [
    [G1, 'regional', [id(1), id(2)]],
    [G2, 'regional', [id(3)]],
  ]);
  t.ok(plan.goals.flatMap((g) => g.measures).every((m) => m.implementation === null && m.origin === 'regional'));
  t.same(plan.unplacedMeasures, []);
});

t.test('an annex is laid over the regional plan goal by goal', async (t) => {
  const LG = id(201);
  const annex = version('annex', {
    goals: [{ id: LG, focusAreaId: null, title: 'Lokalt mål', description: '', position: 0, desiredStates: [], measures: [measure(20, LG, 'Foreldretrappa')] }],
    measuresForRegionalGoals: [measure(21, G2, 'Lokal leksehjelp'), measure(22, id(199), 'Tiltak for eit mål som er fjerna')],
    implementations: [
      { measureId: id(2), localResponsible: 'Helsestasjonen i Dalen', responsibleService: null, period: null, notes: 'Frå 2025', status: 'active' },
      // An implementation of a measure the regional plan no longer has is left out, not invented.
      { measureId: id(99), localResponsible: 'Ingen', responsibleService: null, period: null, notes: '', status: 'active' },
    ],
  });
  const plan = mergeMunicipalityPlan({ municipality, region, regional, annex });

  t.same(plan.goals.map((g) => [g.id, g.origin]), [[G1, 'regional'], [G2, 'regional'], [LG, 'local']], 'regional goals first, then local');
  const g1 = plan.goals[0]!;
  t.equal(g1.measures[0]!.implementation, null);
  t.equal(g1.measures[1]!.implementation?.localResponsible, 'Helsestasjonen i Dalen', 'implementation attached to its measure');
  const g2 = plan.goals[1]!;
  t.same(g2.measures.map((m) => [m.title, m.origin]), [['Tiltak 3', 'regional'], ['Lokal leksehjelp', 'local']], 'local measure joins the regional goal');
  t.same(plan.goals[2]!.measures.map((m) => m.title), ['Foreldretrappa']);
  t.notOk(JSON.stringify(plan).includes(id(99)), 'the orphan implementation is not shown');
  t.same(plan.unplacedMeasures.map((m) => [m.title, m.origin]), [['Tiltak for eit mål som er fjerna', 'local']],
    'a local measure whose regional goal is gone is kept, apart');
  t.notOk(plan.goals.some((g) => g.measures.some((m) => m.id === id(22))), 'and not placed under any goal');
  t.same(plan.sections.map((s) => s.origin), ['regional', 'local']);
  t.equal(plan.annexVersion?.kommunenummer, '4026');

  t.test('the merge does not mutate its input', async (t) => {
    t.notOk('implementation' in regional.goals[0]!.measures[1]!, 'regional measures gain no implementation');
    t.notOk('origin' in regional.goals[0]!, 'regional goals gain no origin');
    t.equal(regional.goals[1]!.measures.length, 1, 'local measures are not pushed into the regional goal');
  });
});
