// What dunning may do to a customer's line, mildest first. Kept apart from the policy
// schema so that workflow code can use it without loading the validator (zod).
export const NETWORK_ACTIONS = ['none', 'throttle', 'block'] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

export function networkSeverity(action: NetworkAction): number {
  return NETWORK_ACTIONS.indexOf(action);
}
