/**
 * Vietnamese lunar calendar (âm lịch), reckoned for UTC+7.
 *
 * A lunar month begins on the local day of a new moon; month 11 is the month holding the December solstice;
 * when 13 months separate two months 11, the first month in which no major solar term (trung khí, a multiple
 * of 30° of solar longitude) begins is the leap month (tháng nhuận) and repeats the number of the month
 * before it. This is Hồ Ngọc Đức's published method, with the fuller series of Jean Meeus ("Astronomical
 * Algorithms", ch. 49 for new moons, ch. 25 for the sun) so that new moons a few minutes from midnight fall on
 * the right day. Vietnam reckons at UTC+7 and China at UTC+8, hence different Tết in 1985 and 2007.
 * Before 1968 Vietnamese almanacs followed the UTC+8 reckoning; this module applies UTC+7 to every year, so
 * some months of 1900–1967 begin a day earlier than in those almanacs. Years outside 1900–2199 are refused.
 */

/** A Gregorian calendar date (dương lịch); month and day count from 1. */
export type SolarDate = { year: number; month: number; day: number };

/** A Vietnamese lunar date; the year is the Gregorian year in which its month 1 (Tết) begins. */
export type LunarDate = { year: number; month: number; day: number; isLeapMonth: boolean };

const TIME_ZONE_DAYS = 7 / 24;
const SYNODIC_MONTH = 29.530588861;
// Julian ephemeris date of mean new moon number 0 (2000-01-06 14:20 TT); new moon k is k lunations later.
const NEW_MOON_0 = 2451550.09766;
const RAD = Math.PI / 180;
const MS_PER_DAY = 86_400_000;
// Julian day number of 1970-01-01, the Unix epoch.
const UNIX_EPOCH_JDN = 2440588;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

function toJulianDayNumber({ year, month, day }: SolarDate): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_JDN;
}

function fromJulianDayNumber(jdn: number): SolarDate {
  const date = new Date((jdn - UNIX_EPOCH_JDN) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ΔT = TT − UT in days near Julian date jd (polynomials of Espenak and Meeus, NASA 2006). */
function deltaT(jd: number): number {
  const year = 2000 + (jd - 2451545) / 365.25;
  let seconds: number;
  if (year < 1920) {
    const t = year - 1900;
    seconds = -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  } else if (year < 1941) {
    const t = year - 1920;
    seconds = 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  } else if (year < 1961) {
    const t = year - 1950;
    seconds = 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  } else if (year < 1986) {
    const t = year - 1975;
    seconds = 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  } else if (year < 2005) {
    const t = year - 2000;
    seconds =
      63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  } else if (year < 2050) {
    const t = year - 2000;
    seconds = 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  } else {
    const u = (year - 1820) / 100;
    seconds = -20 + 32 * u * u - (year < 2150 ? 0.5628 * (2150 - year) : 0);
  }
  return seconds / 86_400;
}

// Periodic terms of the true new moon: [coefficient, powers of E, multiples of M, M′, F, Ω] (Meeus ch. 49).
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0], [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary perturbations: [coefficient, argument at k = 0, degrees per lunation].
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478], [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686], [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
];

/** Julian date (UT) of new moon number k, counted from 2000-01-06 (Meeus ch. 49: within a minute). */
function newMoon(k: number): number {
  const t = k / 1236.85; // Julian centuries since J2000.0
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2; // eccentricity of the Earth's orbit, relative to J2000.0
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3; // sun's mean anomaly
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4; // moon's
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const node = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3; // longitude of the ascending node
  let jde = NEW_MOON_0 + SYNODIC_MONTH * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  for (const [c, ePower, mM, mMp, mF, mNode] of NEW_MOON_TERMS) {
    jde += c * e ** ePower * Math.sin((mM * m + mMp * mp + mF * f + mNode * node) * RAD);
  }
  PLANETARY_TERMS.forEach(([c, a0, perLunation], i) => {
    const secular = i === 0 ? -0.009173 * t ** 2 : 0; // only the first argument has a quadratic term
    jde += c * Math.sin((a0 + perLunation * k + secular) * RAD);
  });
  return jde - deltaT(jde);
}

/** The sun's apparent ecliptic longitude in degrees [0, 360) at Julian date jd (UT); Meeus ch. 25, about 0.01°. */
function sunLongitude(jd: number): number {
  const t = (jd + deltaT(jd) - 2451545) / 36525; // Julian centuries (TT) since J2000.0
  const m = (357.52911 + 35999.05029 * t - 0.0001537 * t ** 2) * RAD;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * Math.sin(m) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * m) +
    0.000289 * Math.sin(3 * m);
  // Nutation and aberration turn the true longitude into the apparent one.
  const node = (125.04 - 1934.136 * t) * RAD;
  const longitude = (meanLongitude + center - 0.00569 - 0.00478 * Math.sin(node)) % 360;
  return longitude < 0 ? longitude + 360 : longitude;
}

/** Julian day number of the local (UTC+7) day holding new moon k: the first day of a lunar month. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE_DAYS);
}

/** Which 30° sector (0–11, 0 from the March equinox) the sun is in at local midnight starting day jdn. */
function sunSector(jdn: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE_DAYS) / 30);
}

/** First day (JDN) of lunar month 11 of a year: the month holding the December solstice (270°). */
function month11Start(year: number): number {
  const k = Math.floor((toJulianDayNumber({ year, month: 12, day: 31 }) - NEW_MOON_0) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Already past 270° when this month began: the solstice fell in the month before.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a 13-month year, how many months after month 11 the leap month comes (the first without a major term). */
function leapMonthOffset(month11: number): number {
  const k = monthIndexOf(month11);
  for (let i = 1; i <= 12; i++) {
    // The sun stays in one sector from this month's first day to the next one's: no major term begins inside.
    if (sunSector(newMoonDay(k + i)) === sunSector(newMoonDay(k + i + 1))) return i;
  }
  throw new Error(`no month without a major solar term after JDN ${month11}`);
}

/** Index of the new moon that starts the lunar month containing day jdn. */
function monthIndexOf(jdn: number): number {
  let k = Math.floor((jdn - NEW_MOON_0) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > jdn) k--;
  return k;
}

function assertSolarDate(date: SolarDate): void {
  const { year, month, day } = date;
  const isInteger = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day);
  if (!isInteger || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`date outside ${FIRST_YEAR}–${LAST_YEAR}: ${year}-${month}-${day}`);
  }
  const back = fromJulianDayNumber(toJulianDayNumber(date));
  if (back.month !== month || back.day !== day) throw new RangeError(`no such date: ${year}-${month}-${day}`);
}

/** Converts a Gregorian date to the Vietnamese lunar date (UTC+7); years 1900–2199. */
export function solarToLunar(date: SolarDate): LunarDate {
  assertSolarDate(date);
  const jdn = toJulianDayNumber(date);
  const monthStart = newMoonDay(monthIndexOf(jdn));
  let month11 = month11Start(date.year);
  let nextMonth11: number;
  let year: number;
  if (month11 > monthStart) {
    year = date.year;
    nextMonth11 = month11;
    month11 = month11Start(date.year - 1);
  } else {
    year = date.year + 1;
    nextMonth11 = month11Start(date.year + 1);
  }
  const monthsAfter11 = Math.round((monthStart - month11) / SYNODIC_MONTH);
  let month = monthsAfter11 + 11;
  let isLeapMonth = false;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11);
    if (monthsAfter11 >= leapOffset) {
      month -= 1;
      isLeapMonth = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 right after month 11 still belong to the lunar year that ends at the coming Tết.
  if (month >= 11 && monthsAfter11 < 4) year -= 1;
  return { year, month, day: jdn - monthStart + 1, isLeapMonth };
}

/** Input of lunarToSolar: a lunar date, in an ordinary (not leap) month unless isLeapMonth says so. */
export type LunarDateInput = Omit<LunarDate, "isLeapMonth"> & { isLeapMonth?: boolean };

/** Converts a Vietnamese lunar date (UTC+7) to the Gregorian date; RangeError for a day or month that doesn't exist. */
export function lunarToSolar(date: LunarDateInput): SolarDate {
  const { year, month, day, isLeapMonth = false } = date;
  const label = `${year}/${month}${isLeapMonth ? " (leap)" : ""}/${day}`;
  const isInteger = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day);
  if (!isInteger || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`no such lunar date: ${label}`);
  }
  if (year < FIRST_YEAR - 1 || year > LAST_YEAR) {
    throw new RangeError(`lunar year outside ${FIRST_YEAR}–${LAST_YEAR}: ${label}`);
  }
  const month11 = month11Start(month < 11 ? year - 1 : year);
  const nextMonth11 = month11Start(month < 11 ? year : year + 1);
  let offset = (month + 1) % 12; // months after month 11: 11 → 0, 12 → 1, 1 → 2 …
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11);
    const leapMonth = ((leapOffset + 9) % 12) + 1; // the number the leap month repeats
    if (isLeapMonth && month !== leapMonth) {
      throw new RangeError(`lunar year ${year} has no leap month ${month}: ${label}`);
    }
    if (isLeapMonth || offset >= leapOffset) offset += 1;
  } else if (isLeapMonth) {
    throw new RangeError(`lunar year ${year} has no leap month: ${label}`);
  }
  const k = monthIndexOf(month11) + offset;
  const monthStart = newMoonDay(k);
  if (day > newMoonDay(k + 1) - monthStart) throw new RangeError(`lunar month has only 29 days: ${label}`);
  const result = fromJulianDayNumber(monthStart + day - 1);
  if (result.year < FIRST_YEAR || result.year > LAST_YEAR) {
    throw new RangeError(`date outside ${FIRST_YEAR}–${LAST_YEAR}: ${label}`);
  }
  return result;
}
