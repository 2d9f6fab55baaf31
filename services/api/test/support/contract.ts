import { namedSchemas } from '@oppvekst/contracts';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The response serializer writes what the handler returns without checking
 * it, so tests hold every body to the published contract themselves.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const schema of namedSchemas) ajv.addSchema(schema);

interface Asserter {
  ok(value: unknown, message: string): unknown;
  comment(message: string): unknown;
}

export function assertContract(t: Asserter, schemaId: string, body: unknown): void {
  const validate = ajv.getSchema(schemaId);
  if (!validate) throw new Error(`no schema ${schemaId}`);
  const valid = validate(body);
  t.ok(valid, `the body conforms to ${schemaId}`);
  if (!valid) t.comment(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}
