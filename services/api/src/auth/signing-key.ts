import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readOrCreateKeyFile } from '../data-folder.js';

/** The key the service signs its own tokens with (EdDSA over Ed25519). */
export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  /** Key id in the token header: a thumbprint of the public key, so a new key gets a new id. */
  kid: string;
}

export const SIGNING_KEY_FILE = 'token-signing-key.pem';

/**
 * The configured key, or the one kept in the data folder, created on first
 * use. Several instances must share one key: set TOKEN_SIGNING_KEY for them.
 */
export async function loadSigningKey(configured: string | undefined, dataDir: string): Promise<SigningKey> {
  if (configured) return fromPrivatePem(configured, 'TOKEN_SIGNING_KEY');
  const { file, content } = await readOrCreateKeyFile(dataDir, SIGNING_KEY_FILE, () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return fromPrivatePem(content, file);
}

function fromPrivatePem(pem: string, source: string): SigningKey {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${source}: not a readable PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source}: must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  const publicKey = createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    kid: createHash('sha256').update(der).digest('base64url').slice(0, 16),
  };
}
