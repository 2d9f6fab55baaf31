import type { AdoptionInput, ConsultationWindow, VersionStatus } from '@oppvekst/contracts';
import { consultationPhase, type ConsultationDates } from './consultation-window.js';

/**
 * The life of a plan version, as plain rules:
 *
 *   draft ──openConsultation──▶ consultation ──returnToDraft──▶ draft
 *     │                              │
 *     └────────────adopt─────────────┴──▶ adopted ──(a later adoption)──▶ superseded
 *
 * A draft may also be discarded. Each rule returns why a step is refused, or
 * null when it may be taken; the routes answer a refusal with 409 and the
 * reason. The database repeats the part that must never fail: an adopted
 * version does not change.
 */

export interface VersionState {
  status: VersionStatus;
  consultation: ConsultationDates | null;
}

/** The longest consultation window the service accepts. */
export const MAX_CONSULTATION_DAYS = 366;

const describe: Record<VersionStatus, string> = {
  draft: 'a draft',
  consultation: 'in consultation',
  adopted: 'adopted, and an adopted version never changes',
  superseded: 'superseded, and an adopted version never changes',
};

/** Content, title and period change only in a draft. */
export function editRefusal(state: VersionState): string | null {
  if (state.status === 'draft') return null;
  if (state.status === 'consultation') return 'The version is in consultation; return it to draft (returnToDraft) to revise it';
  return `The version is ${describe[state.status]}; start a revision instead`;
}

export function openConsultationRefusal(state: VersionState, window: ConsultationWindow, today: string): string | null {
  if (state.status !== 'draft') return `Only a draft goes to consultation; this version is ${describe[state.status]}`;
  if (window.closesOn < window.opensOn) return `The window closes (${window.closesOn}) before it opens (${window.opensOn})`;
  if (window.opensOn < today) return `A consultation cannot open in the past (${window.opensOn}; today is ${today} in Norway)`;
  const days = (Date.parse(window.closesOn) - Date.parse(window.opensOn)) / 86_400_000 + 1;
  if (days > MAX_CONSULTATION_DAYS) return `A consultation lasts at most ${MAX_CONSULTATION_DAYS} days; this one would last ${days}`;
  return null;
}

/** Back to draft to revise after the input is in, or to withdraw a consultation that has not opened. */
export function returnToDraftRefusal(state: VersionState, today: string): string | null {
  if (state.status !== 'consultation' || !state.consultation) return `Only a version in consultation returns to draft; this one is ${describe[state.status]}`;
  if (consultationPhase(state.consultation, today) === 'open') {
    return `The consultation is open until ${state.consultation.closesOn}; input may still come`;
  }
  return null;
}

export function adoptionRefusal(state: VersionState, adoption: AdoptionInput, today: string, unansweredInput: number): string | null {
  if (state.status !== 'draft' && state.status !== 'consultation') return `The version is ${describe[state.status]}`;
  if (adoption.decidedOn > today) return `The decision date ${adoption.decidedOn} is in the future (today is ${today} in Norway)`;
  if (state.status === 'consultation' && state.consultation) {
    if (consultationPhase(state.consultation, today) !== 'closed') {
      return `The consultation is open until ${state.consultation.closesOn}; adopt after it has closed`;
    }
  }
  if (state.consultation && adoption.decidedOn <= state.consultation.closesOn) {
    return `The decision must come after the consultation’s last day (${state.consultation.closesOn}); it is dated ${adoption.decidedOn}`;
  }
  if (unansweredInput > 0) {
    return `${unansweredInput} consultation ${unansweredInput === 1 ? 'input has' : 'inputs have'} no answer yet; answer every input before adoption`;
  }
  return null;
}

/** A draft may be thrown away, unless the public has already sent input on it: that input is part of the record. */
export function discardRefusal(state: VersionState, inputCount: number): string | null {
  if (state.status !== 'draft') return `Only a draft can be discarded; this version is ${describe[state.status]}`;
  if (inputCount > 0) return `The draft has ${inputCount} consultation input(s), which are part of the record; revise and adopt it instead`;
  return null;
}

/** At most one version is worked on at a time. */
export function revisionRefusal(open: { versionNumber: number; status: VersionStatus } | undefined): string | null {
  if (!open) return null;
  return `Version ${open.versionNumber} is still ${describe[open.status]}; finish or discard it before starting another`;
}

/** Input is accepted only in consultation, inside the window. */
export function inputRefusal(state: VersionState, today: string): string | null {
  if (state.status !== 'consultation' || !state.consultation) return 'This version is not out for consultation';
  const phase = consultationPhase(state.consultation, today);
  if (phase === 'scheduled') return `The consultation opens on ${state.consultation.opensOn}`;
  if (phase === 'closed') return `The consultation closed on ${state.consultation.closesOn}`;
  return null;
}

/** Input is answered while the version is being finished, and is final once it is adopted. */
export function answerRefusal(state: VersionState): string | null {
  if (state.status === 'draft' || state.status === 'consultation') return null;
  return `The version is ${describe[state.status]}; its consultation record is final`;
}
