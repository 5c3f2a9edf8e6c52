/**
 * The canvas search/filter: which records match (others are dimmed) and which match is current
 * (stepped through with Enter / Shift+Enter). Null matches means no filter is active.
 */
export class FilterState {
  private matchesValue: ReadonlySet<string> | null = null;
  private orderedValue: readonly string[] = [];
  private currentValue = -1;
  private readonly listeners = new Set<() => void>();

  get matches(): ReadonlySet<string> | null {
    return this.matchesValue;
  }

  /** Matches in reading order (cut order for shots), for stepping. */
  get ordered(): readonly string[] {
    return this.orderedValue;
  }

  get current(): string | null {
    return this.currentValue >= 0 ? (this.orderedValue[this.currentValue] ?? null) : null;
  }

  get currentIndex(): number {
    return this.currentValue;
  }

  set(ordered: readonly string[] | null): void {
    this.matchesValue = ordered ? new Set(ordered) : null;
    this.orderedValue = ordered ?? [];
    this.currentValue = ordered && ordered.length > 0 ? 0 : -1;
    this.emit();
  }

  /** Moves to the next (+1) or previous (−1) match, wrapping around; returns its id. */
  step(direction: 1 | -1): string | null {
    const n = this.orderedValue.length;
    if (n === 0) return null;
    this.currentValue = (((this.currentValue + direction) % n) + n) % n;
    this.emit();
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
