import { contractErrors } from '../contract-validation.js';
import { UsageError } from './usage.js';

/**
 * Holds command-line input to the same published schema the HTTP operation
 * uses (by `$id`), so the console cannot create what the API would refuse.
 * `options` names the command-line option behind each top-level field.
 */
export function assertContract(schemaId: string, value: unknown, options: Record<string, string>): void {
  const [error] = contractErrors(schemaId, value);
  if (!error) return;
  const field = error.instancePath.split('/')[1] ?? (error.params as { missingProperty?: string }).missingProperty ?? '';
  throw new UsageError(`${options[field] ?? (field || 'input')}: ${error.message ?? 'is invalid'}`);
}
