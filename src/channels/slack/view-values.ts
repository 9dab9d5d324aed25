/**
 * @module channels/slack/view-values
 * Reads one input of a submitted modal (plain text or a select), by block id; the modals give every input
 * the action id `value`.
 */
import type { ViewOutput } from '@slack/bolt';

export function viewValue(view: Pick<ViewOutput, 'state'>, block: string): string | undefined {
  const v = view.state.values[block]?.value;
  return v?.selected_option?.value ?? v?.value ?? undefined;
}
