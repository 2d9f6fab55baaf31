import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readOrCreateKeyFile } from '../data-folder.js';

/**
 * Endpoints' signing secrets, kept encrypted in the database (AES-256-GCM)
 * with a key that is not in it: WEBHOOK_SECRET_KEY, or a key made once in the
 * data folder. The worker must recover a secret to sign with it, so a hash
 * will not do; a copy of the database alone still gives no secret away. The
 * endpoint's id is bound in as associated data, so a ciphertext copied onto
 * another endpoint's row does not decrypt.
 */
export const SECRET_KEY_FILE = 'webhook-secret-key';
const TAG_BYTES = 16;

export interface SecretBox {
  /** A short fingerprint of the key, stored with each ciphertext, so a wrong key is named as such. */
  keyId: string;
  seal(endpointId: string, secret: string): string;
  open(endpointId: string, sealed: string): string;
}

export async function loadSecretBox(configured: Buffer | undefined, dataDir: string): Promise<SecretBox> {
  if (configured) return secretBox(configured);
  const { file, content } = await readOrCreateKeyFile(dataDir, SECRET_KEY_FILE, () => `${randomBytes(32).toString('base64')}\n`);
  const key = Buffer.from(content.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file}: must hold 32 bytes in base64`);
  return secretBox(key);
}

export function secretBox(key: Buffer): SecretBox {
  const keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  return {
    keyId,
    seal(endpointId, secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(endpointId));
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${keyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(endpointId, sealed) {
      const [version, sealedWith, iv, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !body) throw new Error('not a sealed webhook secret');
      if (sealedWith !== keyId) throw new Error(`the secret was sealed with key ${sealedWith}, not with the configured key ${keyId}`);
      const bytes = Buffer.from(body, 'base64url');
      if (bytes.length < TAG_BYTES) throw new Error('the sealed secret is too short to hold its tag');
      // A fixed tag length: GCM would otherwise check a tag as short as the one it is given.
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(endpointId));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
