import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = path.resolve(__dirname, '..', 'workflows', 'histories');

/**
 * With RECORD_HISTORIES=1 a workflow test saves its history for the replay test.
 * Recorded histories are committed: a change that breaks running workflows fails CI.
 */
export async function maybeRecordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), JSON.stringify(history));
}

type History = temporal.api.history.v1.History;

// Stored as protobufjs' own JSON (toJSON/fromObject round-trip), not proto3 JSON: the
// SDK's proto3 JSON helpers trip over duplicate protobufjs copies under jest.
export function committedHistories(): Array<{ name: string; history: History }> {
  return readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path.join(HISTORIES_DIR, f), 'utf8'))) }));
}
