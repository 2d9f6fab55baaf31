import type { Config } from '../config.js';
import type { AuthenticationOptions } from '../plugins/authentication.js';
import { loadSigningKey, SIGNING_KEY_FILE } from './signing-key.js';

/** The token settings of the configuration, with the signing key loaded (or created in the data folder). */
export async function authenticationOptions(config: Config, log?: { warn(obj: object, msg: string): void }): Promise<AuthenticationOptions> {
  if (!config.tokens.signingKey && config.databaseUrl) {
    log?.warn(
      { file: SIGNING_KEY_FILE, dataDir: config.dataDir },
      'TOKEN_SIGNING_KEY is not set: using a key kept in DATA_DIR; instances that share a database must share the key',
    );
  }
  return {
    signingKey: await loadSigningKey(config.tokens.signingKey, config.dataDir),
    issuer: config.tokens.issuer,
    audience: config.tokens.audience,
    clientTokenTtlSeconds: config.tokens.clientTokenTtlSeconds,
    oidc: config.oidc,
  };
}
