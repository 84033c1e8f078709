/**
 * The deterministic demo dataset: no network, no Math.random, fixed end date. Prices follow anchored random
 * walks: between public-record-like anchor levels (tops, crash lows, recoveries) each path is a Brownian bridge
 * of fat-tailed daily shocks whose volatility follows market regimes, with a shared market factor (so the
 * instruments are correlated). ETFs are their index / 10 (IWM ← ^RUT, SPY ← ^GSPC) with tracking noise; QQQ
 * and KRE have their own anchors (KRE: 2006 inception, a peak in early 2022, ~-55 % into May 2023, partial
 * recovery). Rates follow the real FOMC record (`FOMC_DECISIONS`); yields and valuations follow anchors plus AR(1) noise.
 * The market internals XLY, XLP and RSP have their own anchors and generators; the monthly UNRATE follows anchors
 * plus noise, SAHMREALTIME is its Sahm indicator, and USREC holds the NBER's recession months since 2000.
 */
import { daysFromCivil, epochDayToISO } from "../dates.js";
import { policyTargetOn } from "../reference/fomc.js";
import type {
  BarRow,
  EconomicSeriesInput,
  InstrumentInput,
  ObservationRow,
  PositioningRow,
  ValuationRow,
} from "../types.js";
import { tradingDays } from "./calendar.js";
import { Prng } from "./prng.js";

export const DEMO_START = "2000-01-03";
export const DEMO_END = "2026-11-20";
export const DEMO_SEED = 20261120;
export const DEMO_PROVENANCE = "demo";

type Anchor = readonly [iso: string, value: number];

const iso2day = (s: string) => daysFromCivil(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));

/** Piecewise-linear interpolation over dated anchors (flat outside). */
function interpolate(anchors: readonly Anchor[], day: number): number {
  const first = anchors[0]!;
  if (day <= iso2day(first[0])) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [d1, v1] = anchors[i]!;
    const t1 = iso2day(d1);
    if (day <= t1) {
      const [d0, v0] = anchors[i - 1]!;
      const t0 = iso2day(d0);
      return v0 + ((v1 - v0) * (day - t0)) / (t1 - t0);
    }
  }
  return anchors[anchors.length - 1]![1];
}

/** Annualised volatility regimes of the large-cap market. */
const MARKET_VOL: readonly Anchor[] = [
  ["2000-01-01", 0.2],
  ["2000-04-15", 0.26],
  ["2001-01-01", 0.22],
  ["2001-09-17", 0.38],
  ["2001-12-31", 0.2],
  ["2002-07-20", 0.36],
  ["2002-10-15", 0.32],
  ["2003-04-01", 0.18],
  ["2004-01-01", 0.11],
  ["2006-12-31", 0.1],
  ["2007-08-10", 0.2],
  ["2008-03-15", 0.26],
  ["2008-09-01", 0.22],
  ["2008-10-15", 0.7],
  ["2008-12-01", 0.55],
  ["2009-04-01", 0.3],
  ["2009-12-31", 0.17],
  ["2010-05-20", 0.3],
  ["2010-08-01", 0.16],
  ["2011-08-10", 0.4],
  ["2011-12-31", 0.18],
  ["2012-06-01", 0.14],
  ["2014-12-31", 0.11],
  ["2015-08-25", 0.26],
  ["2016-02-10", 0.22],
  ["2016-06-30", 0.13],
  ["2017-06-30", 0.07],
  ["2018-02-08", 0.3],
  ["2018-04-01", 0.14],
  ["2018-12-24", 0.3],
  ["2019-03-01", 0.14],
  ["2019-12-31", 0.11],
  ["2020-02-20", 0.15],
  ["2020-03-16", 0.85],
  ["2020-04-20", 0.4],
  ["2020-06-30", 0.25],
  ["2020-12-31", 0.17],
  ["2021-12-31", 0.14],
  ["2022-06-15", 0.27],
  ["2022-12-31", 0.2],
  ["2023-06-30", 0.13],
  ["2024-07-31", 0.13],
  ["2024-08-05", 0.25],
  ["2024-09-01", 0.14],
  ["2025-03-01", 0.15],
  ["2025-04-08", 0.55],
  ["2025-05-15", 0.18],
  ["2025-07-01", 0.12],
  ["2026-11-20", 0.14],
];

const GSPC: readonly Anchor[] = [
  ["2000-01-03", 1455],
  ["2000-03-24", 1527],
  ["2000-09-01", 1520],
  ["2001-04-04", 1103],
  ["2001-05-21", 1312],
  ["2001-09-21", 965],
  ["2002-03-19", 1170],
  ["2002-10-09", 776],
  ["2003-03-11", 800],
  ["2004-12-31", 1212],
  ["2007-10-09", 1565],
  ["2008-09-01", 1277],
  ["2008-11-20", 752],
  ["2009-03-09", 677],
  ["2010-04-23", 1217],
  ["2010-07-02", 1022],
  ["2011-04-29", 1363],
  ["2011-10-03", 1099],
  ["2012-12-31", 1426],
  ["2013-12-31", 1848],
  ["2015-05-21", 2131],
  ["2016-02-11", 1829],
  ["2016-12-30", 2239],
  ["2018-01-26", 2873],
  ["2018-02-08", 2581],
  ["2018-09-20", 2931],
  ["2018-12-24", 2351],
  ["2019-12-31", 3231],
  ["2020-02-19", 3386],
  ["2020-03-23", 2237],
  ["2020-08-31", 3500],
  ["2021-12-31", 4766],
  ["2022-01-03", 4796],
  ["2022-06-16", 3666],
  ["2022-10-12", 3577],
  ["2023-07-31", 4589],
  ["2023-10-27", 4117],
  ["2023-12-29", 4770],
  ["2024-07-16", 5667],
  ["2024-08-05", 5186],
  ["2024-12-06", 6090],
  ["2025-02-19", 6144],
  ["2025-04-08", 4983],
  ["2025-06-30", 6205],
  ["2025-10-28", 6890],
  ["2026-02-18", 6880],
  ["2026-11-20", 6960],
];

const RUT: readonly Anchor[] = [
  ["2000-01-03", 497],
  ["2000-03-09", 606],
  ["2000-12-29", 484],
  ["2001-04-04", 440],
  ["2001-05-22", 518],
  ["2001-09-21", 378],
  ["2002-04-16", 522],
  ["2002-10-09", 327],
  ["2003-03-11", 345],
  ["2004-12-31", 651],
  ["2006-05-05", 781],
  ["2007-07-13", 856],
  ["2008-06-05", 760],
  ["2008-11-20", 385],
  ["2009-03-09", 343],
  ["2010-04-23", 741],
  ["2010-07-06", 588],
  ["2011-04-29", 865],
  ["2011-10-03", 609],
  ["2013-12-31", 1164],
  ["2015-06-23", 1296],
  ["2016-02-11", 953],
  ["2016-12-30", 1357],
  ["2018-08-31", 1740],
  ["2018-12-24", 1267],
  ["2019-12-31", 1668],
  ["2020-01-16", 1705],
  ["2020-03-18", 991],
  ["2020-12-31", 1975],
  ["2021-03-15", 2360],
  ["2021-11-08", 2442],
  ["2022-06-16", 1649],
  ["2022-12-30", 1761],
  ["2023-03-08", 1950],
  ["2023-10-27", 1636],
  ["2023-12-29", 2027],
  ["2024-07-31", 2254],
  ["2024-11-25", 2442],
  ["2025-04-08", 1760],
  ["2025-06-30", 2175],
  ["2025-10-15", 2480],
  ["2026-02-18", 2650],
  ["2026-11-20", 2720],
];

/** QQQ, split-adjusted price. */
const QQQ: readonly Anchor[] = [
  ["2000-01-03", 91],
  ["2000-03-10", 118],
  ["2000-05-23", 78],
  ["2000-09-01", 100],
  ["2001-04-04", 36],
  ["2001-09-21", 27],
  ["2002-10-07", 20],
  ["2004-01-22", 39],
  ["2007-10-31", 55],
  ["2008-11-20", 26.5],
  ["2009-03-09", 28],
  ["2010-12-31", 54],
  ["2013-12-31", 88],
  ["2015-07-20", 114],
  ["2016-02-11", 96],
  ["2018-09-28", 186],
  ["2018-12-24", 143],
  ["2020-02-19", 237],
  ["2020-03-16", 170],
  ["2021-11-19", 404],
  ["2022-12-28", 260],
  ["2023-12-29", 409],
  ["2024-07-10", 502],
  ["2025-04-08", 423],
  ["2025-06-30", 551],
  ["2026-02-18", 605],
  ["2026-11-20", 625],
];

const KRE: readonly Anchor[] = [
  ["2006-06-22", 49],
  ["2007-02-20", 51],
  ["2008-01-22", 32],
  ["2008-09-19", 43],
  ["2009-03-06", 13],
  ["2009-05-08", 21],
  ["2010-04-23", 28],
  ["2011-10-03", 20],
  ["2013-12-31", 41],
  ["2015-07-22", 44],
  ["2016-02-11", 34],
  ["2016-12-08", 56],
  ["2018-06-07", 65],
  ["2018-12-24", 45],
  ["2019-12-31", 58],
  ["2020-03-18", 30],
  ["2020-09-23", 36],
  ["2021-12-31", 70],
  ["2022-01-14", 77],
  ["2022-10-31", 63],
  ["2023-03-01", 64],
  ["2023-05-04", 35],
  ["2023-12-29", 53],
  ["2024-07-30", 60],
  ["2024-11-25", 67],
  ["2025-04-07", 48],
  ["2025-07-23", 62],
  ["2026-02-18", 71],
  ["2026-11-20", 68],
];

/** Consumer discretionary (XLY), split-adjusted price. */
const XLY: readonly Anchor[] = [
  ["2000-01-03", 28],
  ["2000-10-13", 24],
  ["2002-10-09", 19],
  ["2004-12-31", 34],
  ["2007-06-04", 41],
  ["2008-11-20", 19],
  ["2009-03-09", 16],
  ["2011-04-29", 40],
  ["2015-07-20", 81],
  ["2018-10-01", 117],
  ["2018-12-24", 94],
  ["2020-02-19", 131],
  ["2020-03-23", 89],
  ["2021-11-19", 210],
  ["2022-12-28", 126],
  ["2023-07-31", 174],
  ["2024-12-16", 239],
  ["2025-04-08", 180],
  ["2025-10-01", 238],
  ["2026-11-20", 241],
];

/** Consumer staples (XLP). */
const XLP: readonly Anchor[] = [
  ["2000-01-03", 24],
  ["2000-03-07", 19],
  ["2001-06-01", 27],
  ["2003-03-11", 18],
  ["2007-10-31", 29],
  ["2009-03-09", 19],
  ["2012-12-31", 35],
  ["2016-07-14", 55],
  ["2018-05-03", 50],
  ["2020-02-20", 64],
  ["2020-03-23", 50],
  ["2022-04-20", 81],
  ["2022-09-30", 67],
  ["2023-10-27", 66],
  ["2024-11-29", 84],
  ["2025-03-10", 83],
  ["2026-11-20", 80],
];

/** S&P 500 equal weight (RSP, launched 2003-04-24). */
const RSP: readonly Anchor[] = [
  ["2003-05-01", 22],
  ["2007-07-13", 50],
  ["2008-11-20", 23],
  ["2009-03-09", 19],
  ["2011-04-29", 51],
  ["2011-10-03", 40],
  ["2015-06-23", 82],
  ["2016-02-11", 70],
  ["2018-09-20", 109],
  ["2018-12-24", 87],
  ["2020-02-19", 118],
  ["2020-03-23", 73],
  ["2021-11-16", 166],
  ["2022-09-30", 128],
  ["2023-10-27", 134],
  ["2024-11-29", 188],
  ["2025-04-08", 152],
  ["2025-10-28", 190],
  ["2026-11-20", 193],
];

/** Typical daily volume (millions of shares), log-interpolated. */
const VOLUME: Record<string, readonly Anchor[]> = {
  SPY: [
    ["2000-01-03", 8],
    ["2004-01-01", 50],
    ["2008-10-15", 350],
    ["2012-01-01", 150],
    ["2018-01-01", 80],
    ["2020-03-16", 250],
    ["2021-06-01", 70],
    ["2026-11-20", 70],
  ],
  IWM: [
    ["2000-05-26", 0.5],
    ["2004-01-01", 20],
    ["2008-10-15", 90],
    ["2012-01-01", 45],
    ["2020-03-16", 60],
    ["2022-01-01", 30],
    ["2026-11-20", 32],
  ],
  QQQ: [
    ["2000-01-03", 70],
    ["2008-10-15", 250],
    ["2012-01-01", 60],
    ["2020-03-16", 90],
    ["2026-11-20", 45],
  ],
  XLY: [
    ["2000-01-03", 0.5],
    ["2008-10-15", 15],
    ["2020-03-16", 12],
    ["2026-11-20", 4],
  ],
  XLP: [
    ["2000-01-03", 0.5],
    ["2008-10-15", 20],
    ["2020-03-16", 30],
    ["2026-11-20", 10],
  ],
  RSP: [
    ["2003-05-01", 0.05],
    ["2008-10-15", 2],
    ["2020-03-16", 8],
    ["2026-11-20", 7],
  ],
  KRE: [
    ["2006-06-22", 0.2],
    ["2009-03-06", 6],
    ["2016-12-08", 10],
    ["2020-03-18", 15],
    ["2023-05-04", 45],
    ["2024-01-01", 15],
    ["2026-11-20", 13],
  ],
};

export interface DemoInstrument {
  input: InstrumentInput;
  bars: BarRow[];
}

export interface DemoSeries {
  input: EconomicSeriesInput;
  rows: ObservationRow[];
}

export interface DemoDataset {
  instruments: DemoInstrument[];
  series: DemoSeries[];
  valuations: { symbol: string; rows: ValuationRow[] }[];
  positioning: PositioningRow[];
}

const round = (v: number, dp: number) => {
  const f = 10 ** dp;
  return Math.round(v * f) / f;
};

/** Vol multiplier of a path relative to the large-cap market, by calendar year. */
type VolProfile = (year: number) => number;

/**
 * Log-price path through the anchors: a Brownian bridge of shocks sigma·z per segment between anchors, where
 * z = rho·market + sqrt(1 - rho²)·own (fat-tailed Student-t draws).
 */
function anchoredPath(
  days: readonly number[],
  dayIndex: Map<number, number>,
  market: Float64Array,
  anchors: readonly Anchor[],
  rho: number,
  volProfile: VolProfile,
  rng: Prng,
): Float64Array {
  const first = dayIndex.get(days[0]!)!;
  const n = days.length;
  const shocks = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const day = days[k]!;
    const year = +epochDayToISO(day).slice(0, 4);
    const sigma = (interpolate(MARKET_VOL, day) * volProfile(year)) / Math.sqrt(252);
    const z = rho * market[first + k]! + Math.sqrt(1 - rho * rho) * rng.studentT(5);
    shocks[k] = sigma * z;
  }
  // anchor → index of the first trading day on/after it
  const idx = anchors.map(([iso, v]) => {
    const d = iso2day(iso);
    let i = 0;
    while (i < n - 1 && days[i]! < d) i++;
    return [i, Math.log(v)] as const;
  });
  const out = new Float64Array(n);
  for (let s = 0; s < idx.length - 1; s++) {
    const [ia, la] = idx[s]!;
    const [ib, lb] = idx[s + 1]!;
    const len = ib - ia;
    if (len <= 0) continue;
    let total = 0;
    for (let k = ia + 1; k <= ib; k++) total += shocks[k]!;
    let cum = 0;
    out[ia] = la;
    for (let k = ia + 1; k <= ib; k++) {
      cum += shocks[k]!;
      const t = (k - ia) / len;
      out[k] = la + cum - t * total + t * (lb - la);
    }
  }
  return out;
}

/** OHLC bars from a close path; `scale` maps index levels to ETF prices. */
function barsFrom(
  days: readonly number[],
  logClose: Float64Array,
  rng: Prng,
  opts: {
    scale: number;
    trackingSd: number;
    volume?: readonly Anchor[];
    dividendYield: number;
    volMult: number;
  },
): BarRow[] {
  const n = days.length;
  const close = new Float64Array(n);
  let tracking = 0;
  for (let k = 0; k < n; k++) {
    tracking = 0.97 * tracking + opts.trackingSd * rng.normal();
    close[k] = round(Math.exp(logClose[k]!) * opts.scale * (1 + tracking), 2);
  }
  // quarterly ex-dividend days: first trading day on/after the 20th of Mar/Jun/Sep/Dec
  const exDays = new Set<number>();
  if (opts.dividendYield > 0) {
    let lastMonth = -1;
    for (let k = 1; k < n; k++) {
      const iso = epochDayToISO(days[k]!);
      const month = +iso.slice(5, 7);
      const ym = +iso.slice(0, 4) * 12 + month;
      if (month % 3 === 0 && +iso.slice(8, 10) >= 20 && ym !== lastMonth) {
        exDays.add(k);
        lastMonth = ym;
      }
    }
  }
  const adj = new Float64Array(n);
  let factor = 1;
  for (let k = n - 1; k >= 0; k--) {
    adj[k] = round(close[k]! * factor, 4);
    if (exDays.has(k)) factor *= 1 - opts.dividendYield / 4;
  }
  const bars: BarRow[] = [];
  for (let k = 0; k < n; k++) {
    const day = days[k]!;
    const c = close[k]!;
    const sigma = (interpolate(MARKET_VOL, day) * opts.volMult) / Math.sqrt(252);
    const prev = k > 0 ? close[k - 1]! : c;
    let o = round(prev * Math.exp(0.35 * sigma * rng.normal()), 2);
    if (k === 0) o = c;
    const hi = round(Math.max(o, c) * Math.exp(Math.abs(rng.normal()) * 0.45 * sigma), 2);
    const lo = round(Math.min(o, c) * Math.exp(-Math.abs(rng.normal()) * 0.45 * sigma), 2);
    const bar: BarRow = {
      date: epochDayToISO(day),
      open: o,
      high: Math.max(hi, o, c),
      low: Math.min(lo, o, c),
      close: c,
      adjClose: Math.min(adj[k]!, c),
      volume: null,
    };
    if (opts.volume) {
      const base =
        Math.exp(
          interpolate(
            opts.volume.map(([d, v]) => [d, Math.log(v)] as const),
            day,
          ),
        ) * 1e6;
      const move = Math.abs(Math.log(c / prev)) / sigma;
      bar.volume = Math.round(base * Math.exp(0.25 * rng.normal()) * (0.7 + 0.3 * Math.min(move, 4)));
    }
    bars.push(bar);
  }
  return bars;
}

function monthEnds(days: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < days.length; k++) {
    const next = days[k + 1];
    if (next === undefined || epochDayToISO(next).slice(0, 7) !== epochDayToISO(days[k]!).slice(0, 7))
      out.push(days[k]!);
  }
  return out;
}

/** Generates the whole demo dataset in memory (deterministic). */
export function generateDemoData(seed = DEMO_SEED): DemoDataset {
  const rng = new Prng(seed);
  const start = iso2day(DEMO_START);
  const end = iso2day(DEMO_END);
  const days = tradingDays(start, end);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const market = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) market[i] = rng.studentT(5);

  const gspc = anchoredPath(days, dayIndex, market, GSPC, 1, () => 1, new Prng(seed + 1));
  const rut = anchoredPath(
    days,
    dayIndex,
    market,
    RUT,
    0.86,
    (y) => (y <= 2002 ? 1.15 : 1.3),
    new Prng(seed + 2),
  );
  const qqq = anchoredPath(
    days,
    dayIndex,
    market,
    QQQ,
    0.88,
    (y) => (y <= 2002 ? 2.1 : y <= 2008 ? 1.4 : 1.25),
    new Prng(seed + 3),
  );
  const kreDays = days.filter((d) => d >= iso2day("2006-06-22"));
  const kreVol: VolProfile = (y) => (y === 2008 || y === 2009 || y === 2023 ? 2.1 : 1.6);
  const kre = anchoredPath(kreDays, dayIndex, market, KRE, 0.72, kreVol, new Prng(seed + 4));
  const iwmStart = dayIndex.get(tradingDays(iso2day("2000-05-26"), end)[0]!)!;
  const iwmDays = days.slice(iwmStart);

  const barRng = new Prng(seed + 5);
  const instruments: DemoInstrument[] = [
    {
      input: meta("^GSPC", "S&P 500 Index", "INDEX", "large_cap", null, null),
      bars: barsFrom(days, gspc, barRng, { scale: 1, trackingSd: 0, dividendYield: 0, volMult: 1 }),
    },
    {
      input: meta("^RUT", "Russell 2000 Index", "INDEX", "small_cap", null, null),
      bars: barsFrom(days, rut, barRng, { scale: 1, trackingSd: 0, dividendYield: 0, volMult: 1.3 }),
    },
    {
      input: meta("SPY", "SPDR S&P 500 ETF Trust", "ETF", "large_cap", "^GSPC", "1993-01-22"),
      bars: barsFrom(days, gspc, barRng, {
        scale: 0.0997,
        trackingSd: 0.0001,
        volume: VOLUME.SPY!,
        dividendYield: 0.017,
        volMult: 1,
      }),
    },
    {
      input: meta("IWM", "iShares Russell 2000 ETF", "ETF", "small_cap", "^RUT", "2000-05-22"),
      bars: barsFrom(iwmDays, rut.slice(iwmStart), barRng, {
        scale: 0.0985,
        trackingSd: 0.0002,
        volume: VOLUME.IWM!,
        dividendYield: 0.013,
        volMult: 1.3,
      }),
    },
    {
      input: meta("QQQ", "Invesco QQQ Trust", "ETF", "tech", "^NDX", "1999-03-10"),
      bars: barsFrom(days, qqq, barRng, {
        scale: 1,
        trackingSd: 0,
        volume: VOLUME.QQQ!,
        dividendYield: 0.007,
        volMult: 1.3,
      }),
    },
    {
      input: meta("KRE", "SPDR S&P Regional Banking ETF", "ETF", "regional_banks", "^SPSIRBK", "2006-06-19"),
      bars: barsFrom(kreDays, kre, barRng, {
        scale: 1,
        trackingSd: 0,
        volume: VOLUME.KRE!,
        dividendYield: 0.025,
        volMult: 1.7,
      }),
    },
  ];

  // Market internals (own generators, appended: the series above stay as they were).
  const xly = anchoredPath(
    days,
    dayIndex,
    market,
    XLY,
    0.9,
    (y) => (y <= 2002 ? 1.3 : 1.15),
    new Prng(seed + 9),
  );
  const xlp = anchoredPath(days, dayIndex, market, XLP, 0.7, () => 0.65, new Prng(seed + 10));
  const rspDays = days.filter((d) => d >= iso2day("2003-05-01"));
  const rsp = anchoredPath(rspDays, dayIndex, market, RSP, 0.96, () => 1.08, new Prng(seed + 11));
  const internalsRng = new Prng(seed + 12);
  instruments.push(
    {
      input: meta(
        "XLY",
        "Consumer Discretionary Select Sector SPDR Fund",
        "ETF",
        "cyclicals",
        null,
        "1998-12-16",
      ),
      bars: barsFrom(days, xly, internalsRng, {
        scale: 1,
        trackingSd: 0,
        volume: VOLUME.XLY!,
        dividendYield: 0.011,
        volMult: 1.15,
      }),
    },
    {
      input: meta("XLP", "Consumer Staples Select Sector SPDR Fund", "ETF", "defensives", null, "1998-12-16"),
      bars: barsFrom(days, xlp, internalsRng, {
        scale: 1,
        trackingSd: 0,
        volume: VOLUME.XLP!,
        dividendYield: 0.026,
        volMult: 0.65,
      }),
    },
    {
      input: meta("RSP", "Invesco S&P 500 Equal Weight ETF", "ETF", "equal_weight", "SPY", "2003-04-24"),
      bars: barsFrom(rspDays, rsp, internalsRng, {
        scale: 1,
        trackingSd: 0,
        volume: VOLUME.RSP!,
        dividendYield: 0.016,
        volMult: 1.08,
      }),
    },
  );

  return {
    instruments,
    series: [...rateSeries(days, new Prng(seed + 6)), ...macroSeries(new Prng(seed + 13))],
    valuations: valuationSeries(days, new Prng(seed + 7)),
    positioning: positioningSeries(days, new Prng(seed + 8)),
  };
}

/** Unemployment rate anchors (percent), monthly: the public record's shape, with noise added. */
const UNRATE: readonly Anchor[] = [
  ["1999-01-01", 4.3],
  ["2000-01-01", 4.0],
  ["2000-12-01", 3.9],
  ["2001-12-01", 5.7],
  ["2003-06-01", 6.3],
  ["2007-03-01", 4.4],
  ["2008-06-01", 5.6],
  ["2009-10-01", 10.0],
  ["2011-06-01", 9.1],
  ["2015-01-01", 5.7],
  ["2019-09-01", 3.5],
  ["2020-02-01", 3.5],
  ["2020-03-01", 4.4],
  ["2020-04-01", 14.8],
  ["2020-07-01", 10.2],
  ["2020-12-01", 6.7],
  ["2022-01-01", 4.0],
  ["2023-04-01", 3.4],
  ["2024-07-01", 4.2],
  ["2025-08-01", 4.3],
  ["2026-10-01", 4.4],
];

/** NBER recession months (USREC = 1), the public chronology since 2000. */
const RECESSION_MONTHS: readonly [from: string, to: string][] = [
  ["2001-04", "2001-11"],
  ["2008-01", "2009-06"],
  ["2020-03", "2020-04"],
];

/**
 * Monthly macro series (dated the first of the month, as FRED dates them) from 1999-01, through the last month
 * whose data would be out by the demo's end: UNRATE (anchors + noise, one decimal), SAHMREALTIME (the Sahm
 * indicator of that UNRATE, two decimals, from 2000-03) and USREC (the NBER months).
 */
function macroSeries(rng: Prng): DemoSeries[] {
  const monthly = (code: string, title: string, unit: string, source: string): EconomicSeriesInput => ({
    code,
    title,
    unit,
    frequency: "monthly",
    source,
    provenance: DEMO_PROVENANCE,
  });
  const months: string[] = [];
  for (let y = 1999; y <= 2026; y++) {
    for (let m = 1; m <= 12; m++) {
      const iso = `${y}-${String(m).padStart(2, "0")}-01`;
      if (iso <= "2026-10-01") months.push(iso);
    }
  }
  const unrate: ObservationRow[] = [];
  let e = 0;
  for (const date of months) {
    e = 0.5 * e + 0.07 * rng.normal();
    unrate.push({ date, value: round(Math.max(2.5, interpolate(UNRATE, iso2day(date)) + e), 1) });
  }
  // Sahm indicator: 3-month average minus the lowest 3-month average of the previous 12 months.
  const ma = unrate.map((_, i) =>
    i >= 2 ? (unrate[i]!.value + unrate[i - 1]!.value + unrate[i - 2]!.value) / 3 : Number.NaN,
  );
  const sahm: ObservationRow[] = [];
  for (let i = 14; i < unrate.length; i++) {
    sahm.push({ date: unrate[i]!.date, value: round(ma[i]! - Math.min(...ma.slice(i - 12, i)), 2) });
  }
  const usrec = months.map((date) => ({
    date,
    value: RECESSION_MONTHS.some(([a, b]) => date.slice(0, 7) >= a && date.slice(0, 7) <= b) ? 1 : 0,
  }));
  return [
    {
      input: monthly(
        "UNRATE",
        "Unemployment Rate",
        "percent",
        "U.S. Bureau of Labor Statistics (demo values)",
      ),
      rows: unrate,
    },
    {
      input: monthly(
        "SAHMREALTIME",
        "Real-time Sahm Rule Recession Indicator",
        "percentage points",
        "Claudia Sahm (demo values, from the demo UNRATE)",
      ),
      rows: sahm,
    },
    {
      input: monthly(
        "USREC",
        "NBER based Recession Indicators for the United States from the Period following the Peak through the Trough",
        "+1 or 0",
        "Federal Reserve Bank of St. Louis (NBER dates)",
      ),
      rows: usrec,
    },
  ];
}

function meta(
  symbol: string,
  name: string,
  kind: "ETF" | "INDEX",
  segment: string,
  benchmarkSymbol: string | null,
  inceptionDate: string | null,
): InstrumentInput {
  return { symbol, name, kind, segment, benchmarkSymbol, inceptionDate, provenance: DEMO_PROVENANCE };
}

const DGS10: readonly Anchor[] = [
  ["2000-01-14", 6.7],
  ["2000-12-29", 5.1],
  ["2001-11-07", 4.3],
  ["2002-05-01", 5.2],
  ["2003-06-13", 3.1],
  ["2003-09-01", 4.5],
  ["2004-03-15", 3.7],
  ["2004-06-14", 4.9],
  ["2005-06-01", 3.9],
  ["2006-06-28", 5.2],
  ["2007-06-12", 5.3],
  ["2008-03-17", 3.3],
  ["2008-06-13", 4.3],
  ["2008-12-18", 2.1],
  ["2009-06-10", 4.0],
  ["2010-04-05", 4.0],
  ["2010-10-08", 2.4],
  ["2011-02-08", 3.7],
  ["2012-07-25", 1.4],
  ["2013-12-31", 3.0],
  ["2015-01-30", 1.7],
  ["2015-06-10", 2.5],
  ["2016-07-08", 1.4],
  ["2016-12-15", 2.6],
  ["2017-09-07", 2.05],
  ["2018-11-08", 3.24],
  ["2019-09-03", 1.47],
  ["2019-12-31", 1.92],
  ["2020-03-09", 0.54],
  ["2020-08-04", 0.52],
  ["2021-03-31", 1.74],
  ["2021-12-31", 1.52],
  ["2022-06-14", 3.48],
  ["2022-10-24", 4.25],
  ["2023-04-06", 3.29],
  ["2023-10-19", 4.98],
  ["2023-12-27", 3.79],
  ["2024-04-25", 4.7],
  ["2024-09-16", 3.62],
  ["2025-01-14", 4.79],
  ["2025-04-04", 4.0],
  ["2025-05-21", 4.6],
  ["2025-09-25", 4.18],
  ["2026-11-20", 4.1],
];

function rateSeries(days: readonly number[], rng: Prng): DemoSeries[] {
  const series = (code: string, title: string, frequency: string): EconomicSeriesInput => ({
    code,
    title,
    unit: "percent",
    frequency,
    source: "Board of Governors of the Federal Reserve System (demo values)",
    provenance: DEMO_PROVENANCE,
  });
  const upper: ObservationRow[] = [];
  const lower: ObservationRow[] = [];
  const dff: ObservationRow[] = [];
  const first = iso2day("2000-01-01");
  const end = iso2day(DEMO_END);
  let noise = 0;
  for (let d = first; d <= end; d++) {
    const date = epochDayToISO(d);
    const t = policyTargetOn(date)!;
    upper.push({ date, value: t.upper });
    lower.push({ date, value: t.lower });
    noise = 0.6 * noise + 0.02 * rng.normal();
    let v: number;
    if (t.lower === t.upper) v = t.upper + noise + (date.endsWith("-31") || date.endsWith("-30") ? 0.04 : 0);
    else if (t.lower === 0) v = 0.09 + 0.04 * Math.sin((d - first) / 400) + noise / 2;
    else v = t.lower + 0.33 * (t.upper - t.lower) + noise / 2;
    v = t.lower === t.upper ? v : Math.min(t.upper, Math.max(t.lower + 0.01, v));
    dff.push({ date, value: round(Math.max(0.04, v), 2) });
  }
  // Yields on trading days: DGS10 around its anchors, DGS2 between the policy rate and its path a year ahead.
  const mid = (iso: string) => {
    const t = policyTargetOn(iso)!;
    return (t.lower + t.upper) / 2;
  };
  const dgs2: ObservationRow[] = [];
  const dgs10: ObservationRow[] = [];
  let e10 = 0;
  let e2 = 0;
  for (const d of days) {
    const date = epochDayToISO(d);
    let ahead = 0;
    for (let m = 1; m <= 12; m++) ahead += mid(epochDayToISO(Math.min(d + m * 30, end)));
    ahead /= 12;
    e10 = 0.97 * e10 + 0.045 * rng.normal();
    e2 = 0.97 * e2 + 0.04 * rng.normal() + 0.3 * 0.045 * rng.normal();
    const ten = interpolate(DGS10, d) + e10;
    const two = 0.45 * mid(date) + 0.55 * ahead + 0.12 + e2 + 0.25 * e10;
    dgs10.push({ date, value: round(Math.max(0.4, ten), 2) });
    dgs2.push({ date, value: round(Math.max(0.1, two), 2) });
  }
  return [
    { input: series("DFEDTARU", "Federal Funds Target Range - Upper Limit", "daily"), rows: upper },
    { input: series("DFEDTARL", "Federal Funds Target Range - Lower Limit", "daily"), rows: lower },
    { input: series("DFF", "Federal Funds Effective Rate", "daily"), rows: dff },
    {
      input: {
        ...series("DGS2", "Market Yield on U.S. Treasury Securities at 2-Year Constant Maturity", "daily"),
      },
      rows: dgs2,
    },
    {
      input: {
        ...series("DGS10", "Market Yield on U.S. Treasury Securities at 10-Year Constant Maturity", "daily"),
      },
      rows: dgs10,
    },
  ];
}

const PE: Record<string, readonly Anchor[]> = {
  SPY: [
    ["2000-01-31", 22],
    ["2002-10-31", 14.5],
    ["2004-06-30", 16],
    ["2007-10-31", 15],
    ["2009-03-31", 11.5],
    ["2011-09-30", 11.8],
    ["2014-06-30", 15.8],
    ["2018-01-31", 18.5],
    ["2018-12-31", 14.5],
    ["2020-03-31", 14],
    ["2020-08-31", 22.5],
    ["2021-12-31", 21.5],
    ["2022-09-30", 15.5],
    ["2023-12-29", 19.5],
    ["2024-12-31", 21.5],
    ["2025-04-30", 18.5],
    ["2026-11-20", 21.2],
  ],
  IWM: [
    ["2000-05-31", 18],
    ["2002-10-31", 13.5],
    ["2004-06-30", 17],
    ["2007-06-29", 16.5],
    ["2009-03-31", 13],
    ["2013-12-31", 17.8],
    ["2016-02-29", 14.5],
    ["2018-08-31", 17.5],
    ["2020-03-31", 13],
    ["2021-03-31", 18],
    ["2022-09-30", 13],
    ["2023-10-31", 13.2],
    ["2024-11-29", 16.2],
    ["2025-04-30", 13.8],
    ["2026-11-20", 16.1],
  ],
};

function valuationSeries(days: readonly number[], rng: Prng): DemoDataset["valuations"] {
  const ends = monthEnds(days);
  return (["SPY", "IWM"] as const).map((symbol) => {
    const anchors = PE[symbol]!;
    const startDay = iso2day(anchors[0]![0]);
    let e = 0;
    const rows: ValuationRow[] = [];
    for (const d of ends) {
      if (d < startDay) continue;
      e = 0.6 * e + 0.35 * rng.normal();
      const fwd = interpolate(anchors, d) + e;
      const small = symbol === "IWM";
      rows.push({
        date: epochDayToISO(d),
        forwardPE: round(fwd, 2),
        trailingPE: round(fwd * (small ? 1.28 : 1.15) + 0.3 * rng.normal(), 2),
        priceToBook: round(small ? 1.4 + 0.055 * fwd : 0.9 + 0.16 * fwd, 2),
        dividendYield: round(Math.max(0.6, (small ? 24 : 33) / fwd + 0.05 * rng.normal()), 2),
      });
    }
    return { symbol, rows };
  });
}

function positioningSeries(days: readonly number[], rng: Prng): PositioningRow[] {
  const rows: PositioningRow[] = [];
  const start = iso2day("2001-01-01");
  let v = -8;
  for (const d of monthEnds(days)) {
    if (d < start) continue;
    v = -12 + 0.82 * (v + 12) + 5 * rng.normal();
    rows.push({
      segment: "small_cap",
      date: epochDayToISO(d),
      value: round(v, 1),
      unit: "net_pct_overweight",
    });
  }
  return rows;
}
