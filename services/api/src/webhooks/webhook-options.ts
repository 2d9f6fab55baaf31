import { randomBytes } from 'node:crypto';
import { type SecretBox, secretBox } from './secret-box.js';
import type { TargetPolicy } from './target-policy.js';

/** What the webhook routes need from the process: where targets may point, and the key that seals secrets. */
export interface WebhookOptions {
  targets: TargetPolicy;
  secrets: SecretBox;
}

/** For an app built without them (tests): https and public targets only, and a key that lives as long as the app. */
export function defaultWebhookOptions(): WebhookOptions {
  return { targets: { allowHttp: false, allowedNetworks: [] }, secrets: secretBox(randomBytes(32)) };
}
