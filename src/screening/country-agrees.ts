/**
 * @module screening/country-agrees
 * Whether a country given with a query (or named in it) is a listed entity's. Hong Kong and Macau bodies are listed
 * under their own code or under CN (jp-third-specified lists Hong Kong firms under CN), and a researcher writes either:
 * HK or MO meets CN, and CN meets HK and MO.
 */
export function countryAgrees(given: string, listed: string): boolean {
  if (given === listed) return true;
  if (listed === 'HK' || listed === 'MO') return given === 'CN';
  return listed === 'CN' && (given === 'HK' || given === 'MO');
}
