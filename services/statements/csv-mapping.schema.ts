import { z } from 'zod';
import { TEXT_ENCODINGS, type CsvColumnMapping } from '../../domain/statements';

const column = z.union([z.string().trim().min(1), z.number().int().min(0)]);

/** A bank account's saved CSV column mapping, as the clerk enters it once per bank. */
export const csvMappingSchema = z.object({
  delimiter: z.string().length(1).refine((d) => d !== '"', 'must not be a double quote'),
  decimalSeparator: z.enum(['.', ',']),
  dateFormat: z.enum(['DD.MM.YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY']),
  hasHeader: z.boolean(),
  skipLines: z.number().int().min(0).max(1000).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  columns: z.object({
    date: column,
    amount: column,
    currency: column.optional(),
    variableSymbol: column.optional(),
    specificSymbol: column.optional(),
    constantSymbol: column.optional(),
    counterAccount: column.optional(),
    counterBankCode: column.optional(),
    counterName: column.optional(),
    message: column.optional(),
    bankReference: column.optional(),
  }),
}) satisfies z.ZodType<CsvColumnMapping>;
