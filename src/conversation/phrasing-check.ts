/**
 * @module conversation/phrasing-check
 * A deterministic guard on LLM phrasing: text that contradicts the outcome (許可不要 / "no licence needed"
 * when the case escalates, or "licence required" when it does not) is discarded and the template is used.
 */
import { ESCALATING_OUTCOMES, type Outcome } from '../core/facts.ts';

const CLEARING =
  /(許可(は|が)?(不要|いりません|要りません)|許可を?(取る|得る)?必要(は|が)?(ない|ありません)|手続き(は)?(不要|いりません)|問題(は)?ありません|送って(も)?(大丈夫|構いません|問題ない)|no licen[cs]e (is )?(needed|required|necessary)|(not|n't) (need|require) an? (export )?licen[cs]e|no need for an? licen[cs]e|(you )?(can|may) (go ahead|proceed|ship|send|share)|free to (ship|send|proceed|share)|not (export[- ])?controlled|is cleared)/i;
const ESCALATING =
  /(許可(申請)?が必要|許可を(取|申請)|禁止|該非判定が必要|事前報告が必要|licen[cs]e (is )?required|need an? licen[cs]e|requires? an? licen[cs]e|prohibited|must not|classification (is )?needed|prior report)/i;

export function contradictsOutcome(text: string, outcome: Outcome): boolean {
  return ESCALATING_OUTCOMES.includes(outcome) ? CLEARING.test(text) : ESCALATING.test(text);
}
