/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. `take()` resolves
 * when a token is available; a rate of 0 or less means unlimited.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = Math.max(1, Math.ceil(ratePerSecond / 10)),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Milliseconds until a token is available (0: take it now), and takes it when 0. */
  tryTake(): number {
    if (this.ratePerSecond <= 0) return 0;
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.ratePerSecond) / 1000);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.tryTake();
      if (wait === 0) return;
      if (signal?.aborted) throw signal.reason;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
