/**
 * @module cases/business-hours
 * Business hours in Japan Standard Time (UTC+9, no daylight saving): 09:00–17:00 on weekdays that are not
 * public holidays. Pure: the holiday calendar is passed in (holiday_jp in production, a list in tests).
 */
const JST_OFFSET_MS = 9 * 3600_000;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

export type IsHoliday = (ymd: string) => boolean;

/** yyyy-mm-dd of a JST-shifted time (a Date whose UTC fields read as JST wall time). */
const ymd = (jst: Date) => jst.toISOString().slice(0, 10);

function isBusinessDay(jst: Date, isHoliday: IsHoliday): boolean {
  const day = jst.getUTCDay();
  return day !== 0 && day !== 6 && !isHoliday(ymd(jst));
}

function atHour(jst: Date, hour: number): Date {
  const d = new Date(jst);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

/** The instant `hours` business hours after `start`. */
export function addBusinessHours(start: Date, hours: number, isHoliday: IsHoliday): Date {
  let t = new Date(start.getTime() + JST_OFFSET_MS);
  let left = hours * 3600_000;
  for (let guard = 0; guard < 3660; guard++) {
    if (!isBusinessDay(t, isHoliday) || t >= atHour(t, CLOSE_HOUR)) {
      t = atHour(new Date(t.getTime() + 24 * 3600_000), OPEN_HOUR);
      continue;
    }
    if (t < atHour(t, OPEN_HOUR)) t = atHour(t, OPEN_HOUR);
    const today = atHour(t, CLOSE_HOUR).getTime() - t.getTime();
    if (left <= today) return new Date(t.getTime() + left - JST_OFFSET_MS);
    left -= today;
    t = atHour(t, CLOSE_HOUR);
  }
  throw new Error('business hours beyond ten years');
}
