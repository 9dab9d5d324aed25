/**
 * @module channels/slack/view-values
 * Reads one input of a submitted modal (plain text or a select), by block id; the modals give every input
 * the action id `value`.
 */
export interface SubmittedView {
  state: {
    values: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;
  };
}

export function viewValue(view: SubmittedView, block: string): string | undefined {
  const v = view.state.values[block]?.value;
  return v?.selected_option?.value ?? v?.value ?? undefined;
}
