// A token bucket per socket: a burst of presses goes through, a flood is dropped.

export interface RateLimit {
  /** True when one more message may pass now. */
  take(now?: number): boolean;
}

/** `burst` messages at once, refilled at `perSecond`. */
export function rateLimit(burst: number, perSecond: number): RateLimit {
  let tokens = burst;
  let last = performance.now();
  return {
    take(now = performance.now()) {
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
