import { contractErrors } from '../../src/contract-validation.js';

interface Asserter {
  ok(value: unknown, message: string): unknown;
  comment(message: string): unknown;
}

/** The response serializer writes what the handler returns without checking it, so tests hold every body to the published contract. */
export function assertContract(t: Asserter, schemaId: string, body: unknown): void {
  const errors = contractErrors(schemaId, body);
  t.ok(errors.length === 0, `the body conforms to ${schemaId}`);
  if (errors.length) t.comment(JSON.stringify(errors.slice(0, 5), null, 2));
}
