import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type Event = temporal.api.history.v1.IHistoryEvent;

const seconds = (t: Event['eventTime']) => Number(t?.seconds ?? 0) + (t?.nanos ?? 0) / 1e9;

/**
 * Seconds each activity type ran in the latest run of a workflow (started → completed, as the server
 * recorded them), to show which phase of a benchmark the time went to.
 */
export async function activityPhases(handle: WorkflowHandle): Promise<Record<string, number>> {
  const history = await handle.fetchHistory();
  const scheduled = new Map<string, string>();
  const started = new Map<string, number>();
  const phases: Record<string, number> = {};
  for (const e of history.events ?? []) {
    const id = String(e.eventId);
    if (e.activityTaskScheduledEventAttributes) scheduled.set(id, e.activityTaskScheduledEventAttributes.activityType?.name ?? '?');
    if (e.activityTaskStartedEventAttributes) started.set(String(e.activityTaskStartedEventAttributes.scheduledEventId), seconds(e.eventTime));
    const done = e.activityTaskCompletedEventAttributes;
    if (done) {
      const key = String(done.scheduledEventId);
      const type = scheduled.get(key) ?? '?';
      phases[type] = (phases[type] ?? 0) + seconds(e.eventTime) - (started.get(key) ?? seconds(e.eventTime));
    }
  }
  return Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
}
