/**
 * The daily series: CycleLens' one data shape.
 *
 * A `Series` is a strictly increasing `Int32Array` of epoch days (see `dates.ts`) and a
 * `Float64Array` of values of the same length. A missing value is `NaN`, and every function
 * states how it treats `NaN`. Lower-frequency data (monthly, weekly, irregular) uses the same
 * shape with its own dates.
 */
export interface Series {
  /** Strictly increasing epoch days (days since 1970-01-01). */
  readonly dates: Int32Array;
  /** One value per date; `NaN` marks a missing value. */
  readonly values: Float64Array;
}
