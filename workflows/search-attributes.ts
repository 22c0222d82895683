import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Typed search attributes let support staff filter in the Web UI, e.g.
// `DunningState = "blocked"` or `OverdueAmountMinor > 100000`.
export const CustomerIdAttr = defineSearchAttributeKey('SettleCustomerId', SearchAttributeType.INT);
export const DunningStateAttr = defineSearchAttributeKey('SettleDunningState', SearchAttributeType.KEYWORD);
export const OverdueAmountAttr = defineSearchAttributeKey('SettleOverdueMinor', SearchAttributeType.INT);
export const BillingPeriodAttr = defineSearchAttributeKey('SettleBillingPeriod', SearchAttributeType.KEYWORD);

export const ALL_SEARCH_ATTRIBUTES = [CustomerIdAttr, DunningStateAttr, OverdueAmountAttr, BillingPeriodAttr] as const;
