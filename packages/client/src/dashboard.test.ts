/** dashboardWindow / monthsBefore: the Dashboard operation's date windows. */
import { describe, expect, it } from "vitest";
import { dashboardWindow, monthsBefore } from "./index.js";

const AS_OF = "2026-11-20"; // last day of the demo dataset

describe("dashboardWindow", () => {
  it("counts calendar months back, clamped to the month's end", () => {
    expect(monthsBefore("2024-03-31", 1)).toBe("2024-02-29");
    expect(monthsBefore("2026-11-20", 60)).toBe("2021-11-20");
    expect(monthsBefore("2026-01-15", 13)).toBe("2024-12-15");
    expect(dashboardWindow({ asOf: AS_OF })).toEqual({
      range: { from: "2021-11-20", to: AS_OF },
      recent: { from: "2026-05-20", to: AS_OF },
    });
    expect(() => monthsBefore("2026-1-1", 1)).toThrow(RangeError);
  });
});
