/** Customer messages go through their own task queue, whose workers enforce the send rate limit. */
export const notificationQueueOf = (taskQueue: string): string => `${taskQueue}-notifications`;
