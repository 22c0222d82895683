import { addDays, localDate, localMidnight, type IsoDate } from '../domain/dunning/zoned-time';

/** A span of local calendar days and the instants that bound it in one time zone. */
export interface ReportPeriod {
  /** First day, inclusive. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
  /** Local midnight starting `from`. */
  start: Date;
  /** Local midnight after `to`: anything recorded before it happened by then. */
  end: Date;
}

export function period(from: IsoDate, to: IsoDate, timeZone: string): ReportPeriod {
  return { from, to, start: localMidnight(from, timeZone), end: localMidnight(addDays(to, 1), timeZone) };
}

/** The report's day: the one asked for, or today on the operator's calendar. */
export function reportDay(asOf: IsoDate | undefined, timeZone: string, now = new Date()): IsoDate {
  return asOf ?? localDate(now, timeZone);
}

/** Month to date and year to date, both ending with `asOf`. */
export function toDatePeriods(asOf: IsoDate, timeZone: string): { month: ReportPeriod; year: ReportPeriod } {
  return {
    month: period(`${asOf.slice(0, 7)}-01`, asOf, timeZone),
    year: period(`${asOf.slice(0, 4)}-01-01`, asOf, timeZone),
  };
}
