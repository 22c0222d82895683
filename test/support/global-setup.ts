import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startEmbeddedPostgres } from '../../infra/embedded-postgres';
import { applyMigrations, diffSchemaSql } from '../../infra/migrations';
import { DATA_DIR } from '../../infra/paths';
import { freePort } from '../../infra/free-port';
import { findTemporalBinary } from '../../infra/temporal-binary';
import { startTemporalDevServer } from '../../infra/temporal-dev-server';
import { WORKFLOWS_PATH } from '../../worker/workflows-path';
import { SCHEMA_DB, TEMPLATE_DB, type TestServices } from './test-services';

// Runs once per jest run (both projects share it): real Postgres with a migrated
// template database, a real Temporal dev server, one workflow bundle, the test server binary.
export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __settleServices?: TestServices; __settleStops?: Array<() => Promise<void>> };
  if (g.__settleServices) return;
  const stops: Array<() => Promise<void>> = [];
  g.__settleStops = stops;

  // Each jest run gets its own throwaway cluster and Temporal server on free ports,
  // so two runs on one machine never share (or stop) each other's services.
  const runDir = path.join(DATA_DIR, 'test-runs', String(process.pid));
  stops.push(async () => rmSync(runDir, { recursive: true, force: true }));
  let serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres({ rootDir: path.join(runDir, 'postgres'), port: await freePort(), durable: false });
    stops.push(pg.stop);
    serverUrl = pg.serverUrl;
  }
  const admin = new Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  for (const db of [TEMPLATE_DB, SCHEMA_DB]) {
    await admin.query(`drop database if exists ${db} with (force)`);
    await admin.query(`create database ${db}`);
  }
  await admin.end();
  await applyMigrations(`${serverUrl}/${TEMPLATE_DB}`);
  // A second database straight from schema.prisma, for the migration drift test.
  const schemaSql = await diffSchemaSql(`${serverUrl}/postgres`, undefined);
  const schemaDb = new Client({ connectionString: `${serverUrl}/${SCHEMA_DB}` });
  await schemaDb.connect();
  await schemaDb.query(schemaSql);
  await schemaDb.end();

  let temporalAddress = process.env.TEST_TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const dev = await startTemporalDevServer({ port: await freePort(), namespace: 'default' });
    stops.push(dev.stop);
    temporalAddress = dev.address;
  }

  const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} } as never });
  mkdirSync(runDir, { recursive: true });
  const bundlePath = path.join(runDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);

  const services: TestServices = { postgresServerUrl: serverUrl, temporalAddress, bundlePath, testServerPath: findTemporalBinary('testServer')! };
  g.__settleServices = services;
  process.env.SETTLE_TEST_SERVICES = JSON.stringify(services);
}
