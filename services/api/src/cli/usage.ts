export class UsageError extends Error {}

export const USAGE = `usage: pnpm oppvekst <command> [options]

commands:
  migrate            apply pending migrations (and create the roles)
  seed [--always]    seed the Vest-Telemark demo (by default only into an empty database)
  token --role <role> [--region <slug>] [--municipality <kommunenummer>] [--service <slug>]
        [--sub <subject>] [--ttl <seconds>]
                     make sure the subject holds the role, then print a signed token (and nothing else)
                     roles: region_admin, municipal_editor, service_editor, reader, platform_admin
  create-region --slug <slug> --name <name> --municipality <kommunenummer>=<name> [...]
        [--kind intermunicipal|single_municipality] [--language-form nb|nn] [--admin <subject> ...]
                     onboard a new customer with empty plans and its first administrators
  help               show this text

Reads the same environment as the service (DATABASE_URL, DATA_DIR, TOKEN_SIGNING_KEY, ...).`;
