export const TEMPLATE_DB = 'settle_test_template';
/** Built from schema.prisma alone (no migrations), to detect drift. */
export const SCHEMA_DB = 'settle_test_schema';

export interface TestServices {
  postgresServerUrl: string;
  temporalAddress: string;
  bundlePath: string;
  testServerPath: string;
}

export function testServices(): TestServices {
  const raw = process.env.SETTLE_TEST_SERVICES;
  if (!raw) throw new Error('test services are not running: run tests through jest (globalSetup starts them)');
  return JSON.parse(raw) as TestServices;
}
