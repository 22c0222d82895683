import { Context } from '@temporalio/activity';

/** How often a long activity tells Temporal its worker is alive; well inside every heartbeatTimeout (10 s). */
export const HEARTBEAT_EVERY_MS = 2_000;

/**
 * Runs one long step (a page's transaction, a batch of signals) while heartbeating, so
 * that when the worker dies its activity is retried on another worker within the
 * workflow's heartbeatTimeout instead of its much longer startToCloseTimeout.
 */
export async function heartbeatWhile<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat();
  const beat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(beat);
  }
}
