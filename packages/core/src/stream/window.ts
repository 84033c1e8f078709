/**
 * A window of the last `size` inputs with their shifted moment sums (`indicators/window-sums.ts`):
 * the state shared by the streaming Bollinger, rolling std and z-score forms, with one level of
 * undo for `replace`. Internal.
 */
import { WindowMoments } from "../indicators/window-sums.js";

export class RingMoments {
  readonly size: number;
  readonly ring: Float64Array;
  readonly m = new WindowMoments();
  /** Next write position = the oldest value of a full ring. */
  pos = 0;
  /** Values pushed. */
  count = 0;
  private pShift = 0;
  private pCount = 0;
  private pS1 = 0;
  private pS2 = 0;
  private pB1 = 0;
  private pB2 = 0;
  private pSlot = 0;

  constructor(size: number) {
    this.size = size;
    this.ring = new Float64Array(size);
  }

  /** Saves the state (for {@link undo}), then pushes x. */
  update(x: number): void {
    const m = this.m;
    this.pShift = m.shift;
    this.pCount = m.count;
    this.pS1 = m.s1;
    this.pS2 = m.s2;
    this.pB1 = m.b1;
    this.pB2 = m.b2;
    this.pSlot = this.ring[this.pos]!;
    this.push(x);
  }

  /** Restores the state before the last {@link update}. */
  undo(): void {
    const m = this.m;
    m.shift = this.pShift;
    m.count = this.pCount;
    m.s1 = this.pS1;
    m.s2 = this.pS2;
    m.b1 = this.pB1;
    m.b2 = this.pB2;
    this.pos = this.pos === 0 ? this.size - 1 : this.pos - 1;
    this.ring[this.pos] = this.pSlot;
    this.count--;
  }

  /**
   * Pushes x (the oldest value leaves once the ring is full); NaNs are kept in the ring but not in
   * the sums. Returns true when the window is full of valid values, its sums then refreshed.
   */
  push(x: number): boolean {
    const p = this.size;
    const m = this.m;
    const ring = this.ring;
    const o = this.count >= p ? ring[this.pos]! : Number.NaN;
    if (!Number.isNaN(x) && !Number.isNaN(o) && m.count === p) m.slide(x, o);
    else {
      if (!Number.isNaN(o)) m.remove(o);
      if (!Number.isNaN(x)) m.add(x);
    }
    ring[this.pos] = x;
    this.pos = this.pos + 1 === p ? 0 : this.pos + 1;
    this.count++;
    if (m.count !== p) return false;
    m.refresh(ring, this.pos, p, p);
    return true;
  }
}
