/**
 * A notification that could not be rendered or delivered. `retryable` tells the caller
 * (a Temporal activity) whether sending the same message again may succeed: provider
 * outages and rate limits may, an invalid phone number or a rejected mailbox will not.
 */
export class NotificationError extends Error {
  readonly retryable: boolean;
  /** provider error code, e.g. Twilio 21211 or SMTP 550 */
  readonly code?: number | string;
  /** HTTP status or SMTP reply code of the failed request, when there was one */
  readonly status?: number;

  constructor(message: string, retryable = false, details: { code?: number | string; status?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NotificationError';
    this.retryable = retryable;
    this.code = details.code;
    this.status = details.status;
  }
}
