import { ApplicationFailure, log } from '@temporalio/activity';
import { renderNotification, NotificationError } from '../notifications';
import type { TemplateName } from '../domain/dunning';
import { openInvoicesOf } from '../data/open-invoices';
import type { ActivityDeps } from './deps';

export interface DunningNotice {
  customerId: number;
  invoiceId: number | null;
  state: string;
  channel: 'email' | 'sms';
  template: TemplateName;
}

export interface NoticeResult {
  status: 'sent' | 'skipped' | 'already_sent';
  detail: string;
}

/**
 * Sends one dunning message at most once: the (customer, invoice, state, channel) key
 * is claimed in notification_log before sending, so a retried activity finds it.
 */
export function sendDunningNotice(deps: ActivityDeps) {
  return async function sendDunningNotice(n: DunningNotice): Promise<NoticeResult> {
    const dedupeKey = `${n.customerId}:${n.invoiceId ?? 'none'}:${n.state}:${n.channel}`;
    await deps.db.notificationLog.createMany({
      data: [{ dedupeKey, customerId: n.customerId, invoiceId: n.invoiceId, state: n.state, channel: n.channel, template: n.template, status: 'sending' }],
      skipDuplicates: true,
    });
    const row = await deps.db.notificationLog.findUniqueOrThrow({ where: { dedupeKey } });
    if (row.status !== 'sending') return { status: 'already_sent', detail: `${n.channel} ${row.status} earlier (${row.transport ?? 'n/a'})` };

    const customer = await deps.db.customer.findUniqueOrThrow({ where: { id: n.customerId } });
    const recipient = n.channel === 'email' ? customer.email : customer.phone;
    if (!recipient) {
      await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'skipped', error: `customer has no ${n.channel === 'email' ? 'email address' : 'phone number'}` } });
      return { status: 'skipped', detail: `no ${n.channel} contact` };
    }
    const open = await openInvoicesOf(deps.db, n.customerId);
    const focus = open.find((i) => i.id === n.invoiceId) ?? open[0];
    const message = renderNotification(n.template, customer.language as 'en', {
      customerName: customer.name,
      amountMinor: open.reduce((s, i) => s + i.outstandingMinor, 0),
      currency: customer.currency,
      dueDate: focus?.dueDate ?? new Date().toISOString().slice(0, 10),
      paymentReference: customer.paymentReference,
      invoiceNumber: focus?.number,
      ispName: deps.ispName,
    });
    try {
      const sent = n.channel === 'email'
        ? await deps.notifier.email.send({ to: recipient, subject: message.subject, text: message.text, idempotencyKey: dedupeKey }).then((r) => ({ id: r.messageId, transport: r.transport }))
        : await deps.notifier.sms.send({ to: recipient, body: message.sms, idempotencyKey: dedupeKey }).then((r) => ({ id: r.sid, transport: r.transport }));
      await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'sent', recipient, transport: sent.transport, providerId: sent.id ?? null, sentAt: new Date() } });
      return { status: 'sent', detail: `${n.template} by ${n.channel} via ${sent.transport}` };
    } catch (err) {
      if (err instanceof NotificationError && !err.retryable) {
        await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'failed', recipient, error: err.message } });
        throw ApplicationFailure.nonRetryable(err.message, 'NotificationRejected');
      }
      log.warn('notification failed, will retry', { dedupeKey, error: String(err) });
      throw err;
    }
  };
}
