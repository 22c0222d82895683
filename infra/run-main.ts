import { ConfigError } from './config';
import { logger } from './logger';
import { MissingBinaryError } from './temporal-binary';

/** Runs a command's main; setup errors become one line on stderr, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof MissingBinaryError) {
      process.stderr.write(`settle: ${err.message}\n`);
    } else {
      logger.fatal({ err }, 'fatal error');
    }
    process.exit(1);
  });
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolves on the first SIGINT, SIGTERM or SIGHUP (a closed terminal). The handlers stay:
 * a second Ctrl-C while we stop does not kill us halfway, with children still running.
 */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => resolve(signal);
    for (const signal of STOP_SIGNALS) process.on(signal, handler);
  });
}
