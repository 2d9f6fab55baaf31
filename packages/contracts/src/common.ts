import { type TSchema, Type } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([schema, Type.Null()], options);

/** A closed vocabulary as a string enum that OpenAPI renders as `enum`. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { $id?: string; description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'yyyy-mm-dd' });
export const Kommunenummer = Type.String({
  pattern: '^[0-9]{4}$',
  description: 'Official four-digit municipality number (kommunenummer), e.g. 4026 for Tokke.',
  examples: ['4026'],
});
export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 63, examples: ['vest-telemark'] });

/** For routes that take no query parameters: an unknown one is refused like an unknown field. */
export const NoQuery = Type.Object({}, { additionalProperties: false });
