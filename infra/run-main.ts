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

/** Resolves once on SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      resolve(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
