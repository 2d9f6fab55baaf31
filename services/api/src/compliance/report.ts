import type { ComplianceReport, MunicipalityPlan, Service } from '@oppvekst/contracts';
import { complianceTexts, explainElement } from './messages.js';
import {
  adoptionFindings,
  ELEMENT_RULES,
  goalsWithoutMeasures,
  measuresOutsidePlanPeriod,
  measuresWithoutResponsible,
  partsWithoutConsultation,
  sharedServicesWithoutMeasure,
} from './rules.js';

export interface ComplianceInput {
  plan: MunicipalityPlan;
  /** The intermunicipal services that serve the municipality. */
  sharedServices: Service[];
}

/**
 * The § 3-1 check of a municipality's complete plan: whether each of the four
 * elements is described, with what was found, and what a council should look
 * at before it decides. Written in the municipality's language form.
 */
export function complianceReport({ plan, sharedServices }: ComplianceInput): ComplianceReport {
  const form = plan.municipality.languageForm;
  const texts = complianceTexts(form);
  const elements = ELEMENT_RULES.map((rule) => rule(plan));
  const warnings = [
    ...adoptionFindings(plan),
    ...partsWithoutConsultation(plan),
    ...sharedServicesWithoutMeasure(plan, sharedServices),
    ...goalsWithoutMeasures(plan),
    ...measuresWithoutResponsible(plan),
    ...measuresOutsidePlanPeriod(plan),
  ];
  const complete = elements.every((e) => e.present);
  const missing = elements.filter((e) => !e.present).map((e) => texts.elements[e.element].label);
  return {
    municipality: { kommunenummer: plan.municipality.kommunenummer, name: plan.municipality.name },
    region: plan.region,
    languageForm: form,
    regionalVersion: plan.regionalVersion,
    annexVersion: plan.annexVersion,
    complete,
    summary: texts.summary(complete, missing, warnings.length, plan.municipality.name),
    elements: elements.map((e) => ({
      element: e.element,
      label: texts.elements[e.element].label,
      present: e.present,
      explanation: explainElement(form, e),
      evidence: e.evidence,
    })),
    warnings: warnings.map((w) => ({ code: w.code, message: texts.warning(w), subject: w.subject })),
  };
}
