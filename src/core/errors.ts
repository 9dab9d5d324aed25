/**
 * @module core/errors
 * Stable, namespaced error codes. Callers and tests compare codes, never message text.
 */
export const ErrorCode = {
  FactUnknown: 'CORE.FACT_UNKNOWN',
  FactInvalid: 'CORE.FACT_INVALID',
  CountryUnknown: 'CORE.COUNTRY_UNKNOWN',
  InputNotObject: 'CORE.INPUT_NOT_OBJECT',
  InputUnparseable: 'CLI.INPUT_UNPARSEABLE',
  RulesInvalid: 'RULES.INVALID',
  RulesUnreadable: 'RULES.UNREADABLE',
  ListInvalid: 'LISTS.INVALID',
  ListImportRefused: 'LISTS.IMPORT_REFUSED',
  QueryInvalid: 'SCREEN.QUERY_INVALID',
  Internal: 'APP.INTERNAL',
  StoreUnavailable: 'APP.STORE_UNAVAILABLE',
  ConfigInvalid: 'CONFIG.INVALID',
  /** serve: the store keeps nothing across a restart (in-memory, or Redis without AOF/RDB). */
  StoreEphemeral: 'CONFIG.STORE_EPHEMERAL',
  /** serve: TEAMS_DEV_NO_AUTH=1 with Slack or Bot Framework credentials, or on a non-loopback address. */
  TeamsDevNoAuthRefused: 'CONFIG.TEAMS_DEV_NO_AUTH_REFUSED',
  CaseNotFound: 'CASE.NOT_FOUND',
  CaseForbidden: 'CASE.FORBIDDEN',
  CaseClosed: 'CASE.CLOSED',
  CaseInvalidAction: 'CASE.INVALID_ACTION',
  CaseAlreadyDecided: 'CASE.ALREADY_DECIDED',
  CaseClaimedByOther: 'CASE.CLAIMED_BY_OTHER',
  /** A correction made on facts that another correction changed meanwhile (the conversation saw old facts). */
  CaseFactsChanged: 'CASE.FACTS_CHANGED',
  AdminForbidden: 'ADMIN.FORBIDDEN',
  AuditBroken: 'AUDIT.CHAIN_BROKEN',
  AuditKeyMissing: 'AUDIT.KEY_MISSING',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with its location: `file: path: message` when printed. */
export interface Issue {
  code: ErrorCode;
  file?: string;
  path: string;
  message: string;
}

export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.path || '(root)'].filter(Boolean).join(': ');
  return `${where}: ${issue.message}`;
}

/** An error that carries a stable code and every issue found, so one run reports all problems. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodedError';
    this.code = code;
    this.issues = issues;
  }
}

export function isCodedError(err: unknown): err is CodedError {
  return err instanceof CodedError;
}

/** Wraps anything thrown into a CodedError, keeping the original as `cause`. */
export function asCodedError(err: unknown): CodedError {
  if (isCodedError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CodedError(ErrorCode.Internal, message, [], { cause: err });
}
