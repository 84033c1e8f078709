#!/usr/bin/env python3
"""
Independent check of the README's real-data examples of the yield curve and the event study after its
un-inversions, straight from the public CSV files (no CycleLens code): python3 only, no packages.

    python3 scripts/verify-macro-real-data.py ../shared/data/market

Rules re-implemented from their documentation:
- spread = DGS10 − DGS2 on the days both have a value; an inversion starts on the first day < 0 and ends when
  the spread has been >= 0 for 20 observations in a row; the un-inversion is the first day of that run.
- day 0 = each index's last close on or before the event date; exit = last close on or before the date
  N calendar months later (clamped to the month end); excess = ^RUT return − ^GSPC return.
- summaries: mean, median, hit rate, t-statistic, Student's t 95 % interval, exact percentile bootstrap
  (every ordered resample, which weighs each multiset exactly as the exact enumeration does), and the
  Clopper–Pearson interval of the hit rate.
"""
import bisect
import calendar
import csv
import itertools
import math
import statistics
import sys
from datetime import date

market = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/market"


def load(path, column):
    out = {}
    with open(f"{market}/{path}") as f:
        for row in csv.DictReader(f):
            key = "observation_date" if "observation_date" in row else "date"
            value = row[column].strip()
            if value not in ("", "."):
                out[row[key]] = float(value)
    return out


dgs10 = load("DGS10_1999-2025.csv", "DGS10")
dgs2 = load("DGS2_1999-2025.csv", "DGS2")
days = sorted(set(dgs10) & set(dgs2))
spread = [(d, round(dgs10[d] - dgs2[d], 8)) for d in days]

uninversions = []
confirmations = []  # the 20th day at or above zero: when the rule knows (day 0 = KNOWN)
i = 0
while i < len(spread):
    if spread[i][1] >= 0:
        i += 1
        continue
    run, last_negative, j = 0, i, i
    while j < len(spread):
        if spread[j][1] < 0:
            last_negative, run = j, 0
        else:
            run += 1
            if run == 20:
                break
        j += 1
    if j < len(spread):
        uninversions.append(spread[last_negative + 1][0])
        confirmations.append(spread[j][0])
    i = j + 1
print("un-inversions:", uninversions)
print("confirmed on: ", confirmations)


def closes(path):
    rows = sorted(load(path, "close").items())
    return [d for d, _ in rows], [v for _, v in rows]


rut = closes("RUT_1999-2025.csv")
gspc = closes("GSPC_1999-2025.csv")


def on_or_before(series, day):
    dates, values = series
    k = bisect.bisect_right(dates, day) - 1
    return values[k] if k >= 0 else None


def add_months(iso, n):
    y, m, d = map(int, iso.split("-"))
    m0 = m - 1 + n
    y, m = y + m0 // 12, m0 % 12 + 1
    return date(y, m, min(d, calendar.monthrange(y, m)[1])).isoformat()


def t975(df):
    # Student's t quantile by bisection on the CDF (regularized incomplete beta by continued fraction)
    def betacf(a, b, x):
        c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
        d = 1 / d
        h = d
        for m in range(1, 300):
            m2 = 2 * m
            aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 / (1 + aa * d)
            c = 1 + aa / c
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 / (1 + aa * d)
            c = 1 + aa / c
            h *= d * c
        return h

    def ibeta(a, b, x):
        if x <= 0:
            return 0.0
        if x >= 1:
            return 1.0
        lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x)
        if x < (a + 1) / (a + b + 2):
            return math.exp(lbt) * betacf(a, b, x) / a
        return 1 - math.exp(lbt) * betacf(b, a, 1 - x) / b

    def cdf(t):
        return 1 - 0.5 * ibeta(df / 2, 0.5, df / (df + t * t))

    lo, hi = 0.0, 50.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) < 0.975 else (lo, mid)
    return (lo + hi) / 2


def clopper_pearson(k, n):
    def tail_ge(p):  # P(X >= k)
        return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))

    def tail_le(p):  # P(X <= k)
        return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(0, k + 1))

    def solve(f, target, increasing):
        lo, hi = 0.0, 1.0
        for _ in range(200):
            mid = (lo + hi) / 2
            if (f(mid) < target) == increasing:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    low = 0.0 if k == 0 else solve(tail_ge, 0.025, True)
    high = 1.0 if k == n else solve(tail_le, 0.025, False)
    return low, high


def exact_bootstrap(xs):
    n = len(xs)
    means = sorted(sum(t) / n for t in itertools.product(xs, repeat=n))
    total = len(means)
    eps = 1e-12 * total
    low = next(m for k, m in enumerate(means) if k + 1 >= 0.025 * total - eps)
    high = next(m for k, m in enumerate(means) if k + 1 >= 0.975 * total - eps)
    return low, high


for label, events, months in [(v, e, n) for v, e in (("SIGNAL", uninversions), ("KNOWN", confirmations)) for n in (3, 6, 12)]:
    excess = []
    for day in events:
        end = add_months(day, months)
        if end > rut[0][-1] or end > gspc[0][-1]:
            print(f"  {day} +{months}m: ends after the data")
            continue
        r = on_or_before(rut, end) / on_or_before(rut, day) - 1
        g = on_or_before(gspc, end) / on_or_before(gspc, day) - 1
        excess.append(r - g)
    n = len(excess)
    mean = statistics.fmean(excess)
    sd = statistics.stdev(excess)
    half = t975(n - 1) * sd / math.sqrt(n)
    hits = sum(1 for x in excess if x > 0)
    boot = exact_bootstrap(excess)
    cp = clopper_pearson(hits, n)
    print(f"{label} {months:>2} months: " + ", ".join(f"{x * 100:+.2f}" for x in excess))
    print(
        f"   n {n}  mean {mean * 100:+.2f} pt  median {statistics.median(excess) * 100:+.2f} pt  hit rate {hits}/{n}"
        f" ({cp[0]:.2f}–{cp[1]:.2f})  t {mean / (sd / math.sqrt(n)):.2f}"
        f"  t interval {(mean - half) * 100:+.1f} … {(mean + half) * 100:+.1f}"
        f"  bootstrap {boot[0] * 100:+.1f} … {boot[1] * 100:+.1f}"
    )

# ------------------------------------------------------------------------------------------------------------
# The backtest's arithmetic, given the signal's monthly states as the API answered them (a saved answer of
# `rotationBacktest(small: "^RUT", large: "^GSPC") { history { date label sufficient } horizons { … } }`):
# forward excess returns month end to month end, grouped by state, Newey–West standard errors with N − 1 lags.
if len(sys.argv) > 2:
    import json

    answer = json.load(open(sys.argv[2]))["data"]["rotationBacktest"]
    history = answer["history"]

    def month_end_plus(iso, n):
        y, m, _ = map(int, iso.split("-"))
        m0 = m - 1 + n
        y, m = y + m0 // 12, m0 % 12 + 1
        return date(y, m, calendar.monthrange(y, m)[1]).isoformat()

    def newey_west(values, members, lags):
        xs = [v for v, k in zip(values, members) if k and v is not None]
        n = len(xs)
        m = sum(xs) / n
        u = [(v - m) if (k and v is not None) else 0.0 for v, k in zip(values, members)]
        s = sum(x * x for x in u)
        for lag in range(1, lags + 1):
            s += 2 * (1 - lag / (lags + 1)) * sum(u[i] * u[i - lag] for i in range(lag, len(u)))
        return math.sqrt(max(0.0, s)) / n

    worst = 0.0
    for horizon in answer["horizons"]:
        months = horizon["months"]
        excess = []
        for h in history:
            end = month_end_plus(h["date"], months)
            if not h["sufficient"] or end > rut[0][-1] or end > gspc[0][-1]:
                excess.append(None)
                continue
            r = on_or_before(rut, end) / on_or_before(rut, h["date"]) - 1
            g = on_or_before(gspc, end) / on_or_before(gspc, h["date"]) - 1
            excess.append(r - g)
        for stats in [horizon["all"], *horizon["states"]]:
            members = [h["sufficient"] and (stats["state"] == "all" or h["label"] == stats["state"]) for h in history]
            xs = [v for v, k in zip(excess, members) if k and v is not None]
            mean = sum(xs) / len(xs)
            hit = sum(1 for x in xs if x > 0) / len(xs)
            se = newey_west(excess, members, months - 1)
            worst = max(worst, abs(mean - stats["mean"]), abs(hit - stats["hitRate"]), abs(se - stats["standardError"]))
            assert len(xs) == stats["count"], (months, stats["state"], len(xs), stats["count"])
            print(
                f"{months:>2} months  {stats['state']:<28} n {len(xs):>3}  mean {mean * 100:+.2f} pt  hit {hit:.2f}  NW se {se * 100:.2f} pt"
            )
    print(f"largest difference from the API's answer: {worst:.1e}")

# ------------------------------------------------------------------------------------------------------------
# The rotation signal of IWM against SPY on 2025-09-26 from the free components the README's real-data example
# stores (prices, the FOMC record's easing cycle from 2024-09-19, DGS10 − DGS2, SAHMREALTIME from this
# repository's fixtures), by the documented formulas.
import os

here = os.path.dirname(os.path.abspath(__file__))
sahm_file = os.path.join(here, "../packages/core/test/fixtures/SAHMREALTIME.csv")
as_of = "2025-09-26"
iwm = {d: v for d, v in load("IWM_2000-2025.csv", "adj_close").items()}
spy = {d: v for d, v in load("SPY_1993-2025.csv", "adj_close").items()}
common = sorted(set(iwm) & set(spy))
ratio = [iwm[d] / spy[d] for d in common]
k = bisect.bisect_right(common, as_of) - 1
trend = ratio[k] / (sum(ratio[k - 199 : k + 1]) / 200) - 1
changes = [ratio[k] / ratio[bisect.bisect_right(common, add_months(common[k], -n)) - 1] - 1 for n in (3, 6, 12)]
momentum = sum(changes) / 3
j = bisect.bisect_right(days, as_of) - 1
s_now = dgs10[days[j]] - dgs2[days[j]]
j6 = bisect.bisect_right(days, add_months(days[j], -6)) - 1
s_change = s_now - (dgs10[days[j6]] - dgs2[days[j6]])


def clamp(x):
    return max(-1.0, min(1.0, x))


in_cycle = (date.fromisoformat(as_of) - date(2024, 9, 19)).days
rate = 1.0 if in_cycle <= 365 else 0.5 if in_cycle <= 730 else 0.25
sahm = {}
with open(sahm_file) as f:
    for row in csv.DictReader(f):
        y, m, _ = map(int, row["observation_date"].split("-"))
        y2, m2 = (y + 1, 1) if m == 12 else (y, m + 1)
        sahm[date(y2, m2, 12).isoformat()] = float(row["SAHMREALTIME"])  # known on the 12th of the next month
known = sorted(sahm)
s_value = sahm[known[bisect.bisect_right(known, as_of) - 1]]
s_before = sahm[known[bisect.bisect_right(known, add_months(as_of, -3)) - 1]]
rising = s_value - s_before > 1e-9
labour = -1.0 if s_value >= 0.5 and rising else 0.5 if s_value >= 0.5 else -0.5 if s_value >= 0.3 and rising else 0.0
parts = {
    "relativeTrend": (0.15, clamp(trend / 0.10)),
    "relativeMomentum": (0.15, clamp(momentum / 0.10)),
    "rateCycle": (0.15, rate),
    "yieldCurve": (0.15, 0.5 * clamp(s_now / 1.5) + 0.5 * clamp(s_change / 0.75)),
    "labour": (0.10, labour),
}
weight = sum(w for w, _ in parts.values())
print(f"\nrotation signal, IWM vs SPY on {as_of}, on {weight:.2f} of its weight:")
for name, (w, n) in parts.items():
    print(f"  {name:<17} normalised {n:+.4f}  contribution {100 * w * n / weight:+.2f}")
print(f"  score {100 * sum(w * n for w, n in parts.values()) / weight:.4f}")
