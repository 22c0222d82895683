// Imported first by the CLI, before anything creates the logger (see infra/logger.ts).
process.env.SETTLE_LOGS_TO_STDERR = '1';
