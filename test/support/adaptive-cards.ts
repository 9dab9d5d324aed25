/**
 * Microsoft's own Adaptive Cards parser (npm `adaptivecards`) as a conformance check: a card is parsed at the
 * version Teams renders (1.5) and validated; every parse warning and validation failure is an issue. The
 * package's ESM build uses extensionless imports that Node cannot load, so its UMD bundle is required.
 */
import { createRequire } from 'node:module';

type AC = typeof import('adaptivecards');
const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AC;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Every problem Microsoft's parser finds in `json` at card version 1.5 (hints excluded). */
export function adaptiveCardIssues(json: unknown): string[] {
  const { AdaptiveCard, SerializationContext, Versions, ValidationEvent } = AdaptiveCards;
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  const issues: string[] = [];
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (e.event !== ValidationEvent.Hint) issues.push(`parse: ${ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents)
    if (e.event !== ValidationEvent.Hint) issues.push(`validate: ${ValidationEvent[e.event]}: ${e.message}`);
  return issues;
}

/** The issues of every Adaptive Card attached to a Bot Framework activity body. */
export function activityCardIssues(body: { attachments?: { contentType?: string; content?: unknown }[] }): string[] {
  return (body.attachments ?? [])
    .filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
    .flatMap((a) => adaptiveCardIssues(a.content));
}
