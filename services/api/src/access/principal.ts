import type { ApiClientScope, RegionRole } from '@oppvekst/contracts';

/** One role a subject holds in one region, as kept in `memberships`. */
export interface Grant {
  regionId: string;
  region: string;
  role: RegionRole;
  municipalityId: string | null;
  municipality: string | null;
  serviceId: string | null;
  service: string | null;
}

export interface ClientGrant {
  id: string;
  name: string;
  regionId: string;
  region: string;
  /** The scopes of this token: those asked for at issueToken that the client still holds. */
  scopes: ApiClientScope[];
}

/** Who is calling and what the database says they hold, resolved once per request. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; subject: string; platformAdmin: boolean; grants: Grant[] }
  | { kind: 'client'; subject: string; client: ClientGrant };

export const ANONYMOUS_PRINCIPAL: Principal = { kind: 'anonymous' };
