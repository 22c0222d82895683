import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { StatementFormat } from '../../prisma/generated/enums';
import { TEXT_ENCODINGS } from '../../domain/statements';
import type { ImportRequest } from '../../services/statements/import-statement.service';
import { ApiError } from '../errors';
import { IdQuery } from '../schemas';

const Fields = z.object({
  accountId: IdQuery.optional(),
  format: z.enum(StatementFormat).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
});

/** Reads a multipart statement upload: one `file` part plus optional `accountId`, `format` and `encoding` fields. */
export async function readStatementUpload(req: FastifyRequest): Promise<ImportRequest> {
  if (!req.isMultipart()) throw new ApiError(400, 'validation', 'send the statement as multipart/form-data with a "file" part', 'body.file');
  if (!/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(req.headers['content-type'] ?? '')) {
    throw new ApiError(400, 'validation', 'multipart/form-data needs a boundary parameter in Content-Type', 'headers.content-type');
  }
  try {
    return await readParts(req);
  } catch (err) {
    // Busboy's complaints about the framing (no closing boundary, a broken part header) are the client's.
    if (err instanceof ApiError || (err as { statusCode?: number }).statusCode) throw err;
    throw new ApiError(400, 'validation', `is not valid multipart/form-data: ${(err as Error).message}`, 'body');
  }
}

async function readParts(req: FastifyRequest): Promise<ImportRequest> {
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; fileName: string } | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw new ApiError(400, 'validation', `unexpected file part "${part.fieldname}"`, `body.${part.fieldname}`);
      const buffer = await part.toBuffer();
      file = { buffer, fileName: part.filename || 'statement' };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file || file.buffer.length === 0) throw new ApiError(400, 'validation', 'a non-empty "file" part is required', 'body.file');
  const parsed = Fields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(400, 'validation', issue.message, `body.${issue.path.join('.')}`);
  }
  return { file: file.buffer, fileName: file.fileName.slice(0, 200), format: parsed.data.format, encoding: parsed.data.encoding, bankAccountId: parsed.data.accountId };
}
