import { namedSchemas } from '@oppvekst/contracts';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The published schemas as a validator outside HTTP: for input that does not
 * come through a route (the operator CLI) and for tests, which hold response
 * bodies to the contract because the serializer does not check them.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const schema of namedSchemas) ajv.addSchema(schema);

/** The errors of `value` against the named schema (by `$id`), or none. */
export function contractErrors(schemaId: string, value: unknown): ErrorObject[] {
  const validate = ajv.getSchema(schemaId);
  if (!validate) throw new Error(`no schema ${schemaId}`);
  return validate(value) ? [] : (validate.errors ?? []);
}
