import { z } from 'zod';

/**
 * Request bodies refuse fields they do not know: a misspelt `idempotency_key` or
 * `recievedAt` silently dropped would record a payment twice or on the wrong day.
 * Objects, and the objects inside unions, become strict; other schemas pass unchanged.
 */
export function strictBody(schema: unknown): unknown {
  if (schema instanceof z.ZodObject) return schema.strict();
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return z.discriminatedUnion(schema.def.discriminator, schema.options.map((o) => strictBody(o)) as never);
  }
  if (schema instanceof z.ZodUnion) return z.union(schema.options.map((o) => strictBody(o)) as never);
  return schema;
}
