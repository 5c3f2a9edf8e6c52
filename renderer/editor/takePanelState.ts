import type { TakeRecord } from '../../shared/model/take.ts';

export type InspectorTab = 'shot' | 'takes';

/**
 * What the inspector shows for a shot: its fields or its takes, and which take of each shot is
 * open in the take detail. View state only (never persisted, never undone), shared by the
 * inspector, the keyboard shortcuts and the native menu so "C" circles the take on screen.
 */
export class TakePanelState {
  private tabValue: InspectorTab = 'shot';
  private readonly openTakes = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private versionValue = 0;

  get tab(): InspectorTab {
    return this.tabValue;
  }

  /** Increments on every change (what React views watch). */
  get version(): number {
    return this.versionValue;
  }

  setTab(tab: InspectorTab): void {
    if (tab === this.tabValue) return;
    this.tabValue = tab;
    this.emit();
  }

  /**
   * The take open for a shot: the one the user opened last if it still exists, else the selected
   * (circle) take, else the newest.
   */
  openTake(shot: { readonly id: string; readonly selectedTakeId: string | null }, takes: readonly TakeRecord[]): TakeRecord | null {
    const chosen = this.openTakes.get(shot.id);
    return takes.find((t) => t.id === chosen) ?? takes.find((t) => t.id === shot.selectedTakeId) ?? takes.at(-1) ?? null;
  }

  open(shotId: string, takeId: string): void {
    if (this.openTakes.get(shotId) === takeId) return;
    this.openTakes.set(shotId, takeId);
    this.emit();
  }

  /** Bound, so views can pass it to useSyncExternalStore as is. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    this.versionValue += 1;
    for (const listener of this.listeners) listener();
  }
}
