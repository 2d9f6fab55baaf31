import type { ComplianceElement, LanguageForm } from '@oppvekst/contracts';
import { labelsFor } from '../documents/labels.js';
import type { ElementFinding, WarningFinding } from './rules.js';

/** The report's sentences in the plan's language form. */
interface ComplianceTexts {
  elements: Record<ComplianceElement, { label: string; lookedFor: string }>;
  found: (n: { sections: number; goals: number; measures: number }) => string;
  missing: string;
  warning: (finding: WarningFinding) => string;
  summary: (complete: boolean, missing: string[], warnings: number, municipality: string) => string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const listFound = (counts: Array<[number, string, string]>) => counts.filter(([n]) => n > 0).map(([n, one, many]) => count(n, one, many)).join(', ');

const nynorsk: ComplianceTexts = {
  elements: {
    goals: { label: 'Mål for arbeidet', lookedFor: 'Kontrollen ser etter mål i planen eller eit hovudmål i ein eigen del.' },
    organisation: { label: 'Korleis arbeidet er organisert', lookedFor: 'Kontrollen ser etter ein del som skildrar organiseringa.' },
    responsibility: {
      label: 'Ansvarsfordelinga mellom etatane',
      lookedFor: 'Kontrollen ser etter ein del om ansvarsfordelinga, eller tiltak der minst to ulike etatar har ansvaret.',
    },
    cooperation: { label: 'Korleis etatane samarbeider', lookedFor: 'Kontrollen ser etter ein del om samarbeid, eller tiltak som fleire etatar gjennomfører saman.' },
  },
  found: ({ sections, goals, measures }) => `Fann ${listFound([[sections, 'del', 'delar'], [goals, 'mål', 'mål'], [measures, 'tiltak', 'tiltak']]) || 'ingenting'}.`,
  missing: 'Planen skildrar ikkje dette, slik barnevernslova § 3-1 krev.',
  warning: (f) => {
    const title = f.subject?.title ?? '';
    switch (f.code) {
      case 'measure_without_responsible':
        return `Tiltaket «${title}» har inga ansvarleg teneste eller eining.`;
      case 'measure_outside_plan_period':
        return `Perioden til tiltaket «${title}» ligg utanfor planperioden.`;
      case 'goal_without_measures':
        return `Målet «${title}» har ingen tiltak.`;
      case 'shared_service_without_measure':
        return `Den interkommunale tenesta ${title} er ikkje med i noko tiltak i planen.`;
      case 'no_consultation':
        return `«${title}» har ikkje vore på høyring.`;
      case 'not_adopted':
        return `«${title}» er ikkje vedteken (${labelsFor('nn').statuses[f.facts?.status as 'draft'] ?? f.facts?.status}).`;
      case 'not_adopted_by_council':
        return `Kommunestyret sjølv har ikkje vedteke planen (${decisionText('nn', f)}). Barnevernslova § 3-1 krev at kommunestyret vedtek han.`;
    }
  },
  summary: (complete, missing, warnings, municipality) =>
    (complete
      ? `Planen for ${municipality} skildrar alle dei fire tinga barnevernslova § 3-1 krev.`
      : `Planen for ${municipality} manglar: ${missing.join(', ').toLowerCase()}.`) +
    (warnings ? ` ${count(warnings, 'merknad', 'merknader')} bør sjåast på.` : ''),
};

const bokmaal: ComplianceTexts = {
  elements: {
    goals: { label: 'Mål for arbeidet', lookedFor: 'Kontrollen ser etter mål i planen eller et hovedmål i en egen del.' },
    organisation: { label: 'Hvordan arbeidet er organisert', lookedFor: 'Kontrollen ser etter en del som beskriver organiseringen.' },
    responsibility: {
      label: 'Ansvarsfordelingen mellom etatene',
      lookedFor: 'Kontrollen ser etter en del om ansvarsfordelingen, eller tiltak der minst to ulike etater har ansvaret.',
    },
    cooperation: { label: 'Hvordan etatene samarbeider', lookedFor: 'Kontrollen ser etter en del om samarbeid, eller tiltak som flere etater gjennomfører sammen.' },
  },
  found: ({ sections, goals, measures }) => `Fant ${listFound([[sections, 'del', 'deler'], [goals, 'mål', 'mål'], [measures, 'tiltak', 'tiltak']]) || 'ingenting'}.`,
  missing: 'Planen beskriver ikke dette, slik barnevernsloven § 3-1 krever.',
  warning: (f) => {
    const title = f.subject?.title ?? '';
    switch (f.code) {
      case 'measure_without_responsible':
        return `Tiltaket «${title}» har ingen ansvarlig tjeneste eller enhet.`;
      case 'measure_outside_plan_period':
        return `Perioden til tiltaket «${title}» ligger utenfor planperioden.`;
      case 'goal_without_measures':
        return `Målet «${title}» har ingen tiltak.`;
      case 'shared_service_without_measure':
        return `Den interkommunale tjenesten ${title} er ikke med i noe tiltak i planen.`;
      case 'no_consultation':
        return `«${title}» har ikke vært på høring.`;
      case 'not_adopted':
        return `«${title}» er ikke vedtatt (${labelsFor('nb').statuses[f.facts?.status as 'draft'] ?? f.facts?.status}).`;
      case 'not_adopted_by_council':
        return `Kommunestyret selv har ikke vedtatt planen (${decisionText('nb', f)}). Barnevernsloven § 3-1 krever at kommunestyret vedtar den.`;
    }
  },
  summary: (complete, missing, warnings, municipality) =>
    (complete
      ? `Planen for ${municipality} beskriver alle de fire tingene barnevernsloven § 3-1 krever.`
      : `Planen for ${municipality} mangler: ${missing.join(', ').toLowerCase()}.`) +
    (warnings ? ` ${count(warnings, 'merknad', 'merknader')} bør ses på.` : ''),
};

/** "Tokke kommunestyre: teke til orientering". */
function decisionText(form: LanguageForm, f: WarningFinding): string {
  const labels = labelsFor(form);
  const body = f.facts?.decidedByName || (f.facts?.decidedBy ? labels.decidingBodies[f.facts.decidedBy as 'committee'] : '');
  const decision = f.facts?.decision ? labels.decisions[f.facts.decision as 'noted'].toLowerCase() : '';
  return [body, decision].filter(Boolean).join(': ') || '–';
}

export const complianceTexts = (form: LanguageForm): ComplianceTexts => (form === 'nb' ? bokmaal : nynorsk);

export function explainElement(form: LanguageForm, finding: ElementFinding): string {
  const texts = complianceTexts(form);
  const n = (kind: string) => finding.evidence.filter((e) => e.kind === kind).length;
  const found = texts.found({ sections: n('section'), goals: n('goal'), measures: n('measure') });
  return `${texts.elements[finding.element].lookedFor} ${found}${finding.present ? '' : ` ${texts.missing}`}`;
}
