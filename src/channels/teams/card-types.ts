/**
 * @module channels/teams/card-types
 * The part of the Adaptive Card 1.5 schema this bot uses, as TypeScript types, so cards are type-checked
 * where they are built (the tests also run every card through Microsoft's own parser).
 */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Default' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
}
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}
export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  choices: { title: string; value: string }[];
  style?: 'compact' | 'expanded' | 'filtered';
  placeholder?: string;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface InputText {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  maxLength?: number;
}
export type CardElement = TextBlock | FactSet | InputChoiceSet | InputText;

export interface ActionSubmit {
  type: 'Action.Submit';
  title: string;
  data?: Record<string, unknown>;
  associatedInputs?: 'auto' | 'none';
}
export interface ActionExecute {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: Record<string, unknown>;
  associatedInputs?: 'auto' | 'none';
  fallback?: ActionSubmit | 'drop';
}
/** Opens an inline form under the card; its own inputs are validated when its own action is pressed. */
export interface ActionShowCard {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions: (ActionSubmit | ActionExecute)[] };
}
export type CardAction = ActionSubmit | ActionExecute | ActionShowCard;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Universal Actions: who gets a refreshed (personal) card; officers only, where Teams allows it. */
  refresh?: { action: ActionExecute; userIds?: string[] };
}

export const adaptiveCard = (body: CardElement[], actions: CardAction[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  actions,
});

export const textBlock = (text: string, extra: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});
