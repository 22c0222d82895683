import { performance } from 'node:perf_hooks';
import type { Actor } from '../../data/audit';
import { lockMatchCandidates } from '../../data/match-candidates';
import { bookMatchedLines, markExceptions, type Booking } from '../../data/statement-booking';
import { recordBatch, recordedBatch } from '../../data/statement-batches';
import { claimPendingLines } from '../../data/statement-lines';
import { matchStatementLines, type ExceptionOutcome } from '../../domain/statements';
import type { Db } from '../../infra/prisma';
import { statementSignalHold } from './reconciliation-start';

export interface BatchResult {
  lines: number;
  matched: number;
  matchedAmountMinor: number;
  exceptions: number;
  /** Time spent finding candidates and matching (not booking), for the benchmark and the Web UI. */
  matchMs: number;
  /** The last line this batch looked at: the next batch starts after it. */
  lastLineNo: number;
  /** False once the statement has no unmatched lines left. */
  more: boolean;
}

const SYSTEM: Actor = { type: 'system', id: 'statement-reconciliation' };

/**
 * Matches and books the statement's next `limit` unmatched lines in one transaction:
 * the batch is either booked whole or not at all, so a crash anywhere repeats it cleanly.
 * Asked again by the same workflow run from the same line after it committed, it answers
 * what it booked then.
 */
export async function reconcileNextBatch(db: Db, statementId: number, limit: number, afterLineNo: number, runId: string): Promise<BatchResult> {
  return db.$transaction(
    async (tx) => {
      const lines = await claimPendingLines(tx, statementId, limit, afterLineNo);
      const earlier = await recordedBatch<BatchResult>(tx, { statementId, runId, afterLineNo });
      if (earlier) return earlier;
      if (lines.length === 0) return { lines: 0, matched: 0, matchedAmountMinor: 0, exceptions: 0, matchMs: 0, lastLineNo: afterLineNo, more: false };
      const matchStart = performance.now();
      const candidates = await lockMatchCandidates(tx, lines.map((l) => l.line), lines[0]!.currency);
      // Repeats of an earlier line in the same file are handed over as already known, so they become duplicates.
      const repeats = new Set(lines.filter((l) => l.repeat).map((l) => l.identity));
      const { outcomes, summary } = matchStatementLines(lines.map((l) => l.line), candidates, { knownIdentities: repeats });

      const matchMs = Math.round(performance.now() - matchStart);
      const byLineNo = new Map(lines.map((l) => [l.lineNo, l]));
      const bookings: Booking[] = [];
      const exceptions: Array<{ lineId: number; outcome: ExceptionOutcome }> = [];
      for (const outcome of outcomes) {
        const line = byLineNo.get(outcome.lineNo)!;
        if (outcome.kind === 'exception') exceptions.push({ lineId: line.id, outcome: line.repeat ? { ...outcome, detail: line.repeat.detail } : outcome });
        else bookings.push({ line, outcome });
      }
      // Customers hear of their payments when the whole statement is booked: starting tens of
      // thousands of their workflows meanwhile would halve the speed of the booking itself.
      await bookMatchedLines(tx, statementId, SYSTEM, bookings, 'matched', statementSignalHold(statementId));
      await markExceptions(tx, exceptions);
      const result: BatchResult = {
        lines: lines.length,
        matched: summary.matched,
        matchedAmountMinor: summary.matchedAmountMinor + summary.creditMinor,
        exceptions: exceptions.length,
        matchMs,
        lastLineNo: lines.at(-1)!.lineNo,
        more: lines.length === limit,
      };
      await recordBatch(tx, { statementId, runId, afterLineNo }, { ...result });
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
