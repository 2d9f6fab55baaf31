import type { NewMember, RegionRole } from '@oppvekst/contracts';

/** What a membership is held for, once its role's rules are checked. */
export type MembershipTarget =
  | { role: Exclude<RegionRole, 'municipal_editor' | 'service_editor'> }
  | { role: 'municipal_editor'; municipality: string }
  | { role: 'service_editor'; service: string };

/**
 * A municipal editor names one municipality, a service editor one service, and
 * the region-wide roles neither; anything else is a field error.
 */
export function membershipTarget(input: NewMember): MembershipTarget | { field: string; message: string } {
  if (input.role === 'municipal_editor') {
    if (!input.municipality) return { field: 'body/municipality', message: 'a municipal_editor needs the municipality’s kommunenummer' };
    if (input.service) return { field: 'body/service', message: 'a municipal_editor is not held for a service' };
    return { role: input.role, municipality: input.municipality };
  }
  if (input.role === 'service_editor') {
    if (!input.service) return { field: 'body/service', message: 'a service_editor needs the service’s slug' };
    if (input.municipality) return { field: 'body/municipality', message: 'a service_editor is not held for a municipality' };
    return { role: input.role, service: input.service };
  }
  if (input.municipality) return { field: 'body/municipality', message: `a ${input.role} holds the role for the whole region` };
  if (input.service) return { field: 'body/service', message: `a ${input.role} holds the role for the whole region` };
  return { role: input.role };
}
