/**
 * @module cases/roles
 * Who may do what, from configuration: principals are `slack:<user id>`, `teams:<AAD object id>` or
 * `local:<user name>`. Researchers are everyone; officers decide cases; admins change rules, FAQ and lists.
 */
export interface Roles {
  isOfficer(principal: string): boolean;
  isAdmin(principal: string): boolean;
}

export function rolesFrom(config: { officers: readonly string[]; admins: readonly string[] }): Roles {
  const officers = new Set(config.officers);
  const admins = new Set(config.admins);
  return { isOfficer: (p) => officers.has(p), isAdmin: (p) => admins.has(p) };
}

/** "slack:U1, local:alice" → ["slack:U1", "local:alice"]. */
export function parsePrincipals(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
