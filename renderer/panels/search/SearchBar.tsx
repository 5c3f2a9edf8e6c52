import { ChevronDown, ChevronUp, Search, X } from 'lucide-react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ShotStatus } from '../../../shared/model/shot.ts';
import { SHOT_STATUSES } from '../../../shared/model/shot.ts';
import { STATUS_COLORS, STATUS_LABELS } from '../../canvas/canvasTheme.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { FilterState } from '../../editor/filterState.ts';
import type { ShotQuery } from '../../editor/search.ts';
import { isEmptyQuery, searchShots } from '../../editor/search.ts';
import { useDocumentValue } from '../common/useDocumentValue.ts';
import { sceneLabel } from '../common/sceneLabels.ts';
import { mattersToFilterOptions, mattersToSearch, readFilterOptions, refreshMatches } from './searchPanelModel.ts';

interface Props {
  readonly store: DocumentStore;
  readonly filter: FilterState;
  /** Select and bring a match into view (Enter, Shift+Enter, the arrow buttons). */
  readonly onFocusShot: (id: string) => void;
  readonly onClose: () => void;
}

/** Typing waits this long (ms) before searching; chips and menus apply at once. */
const TYPING_DELAY = 120;
/** Matches are refreshed at most this often (ms) while the document changes under an open search. */
const REFRESH_DELAY = 250;

/**
 * The canvas search and filter bar: text, status, tag and scene. Matching shots are written to the
 * FilterState (the canvas dims the rest); Enter / Shift+Enter step through them in cut order.
 */
export function SearchBar({ store, filter, onFocusShot, onClose }: Props) {
  const [text, setText] = useState('');
  const [statuses, setStatuses] = useState<readonly ShotStatus[]>([]);
  const [tag, setTag] = useState('');
  const [sceneId, setSceneId] = useState('');
  const options = useDocumentValue(store, mattersToFilterOptions, readFilterOptions);
  const subscribe = useMemo(() => (notify: () => void) => filter.subscribe(notify), [filter]);
  const ordered = useSyncExternalStore(subscribe, () => filter.ordered);
  const currentIndex = useSyncExternalStore(subscribe, () => filter.currentIndex);
  const filtering = useSyncExternalStore(subscribe, () => filter.matches !== null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  /** Whether the current match has been shown yet: the first Enter shows it, later ones step. */
  const visited = useRef(false);
  const pending = useRef<(() => void) | null>(null);
  const lastText = useRef('');

  const knownScene = options.scenes.some((s) => s.id === sceneId) ? sceneId : '';
  const query: ShotQuery = useMemo(() => ({ text, statuses, tags: tag ? [tag] : [], sceneId: knownScene || null }), [text, statuses, tag, knownScene]);

  useEffect(() => {
    const run = (fresh: boolean) => {
      pending.current = null;
      if (isEmptyQuery(query)) {
        if (filter.matches !== null) filter.set(null);
        return;
      }
      const ids = searchShots(store, query);
      if (fresh) {
        visited.current = false;
        filter.set(ids);
      } else refreshMatches(filter, ids);
    };
    const typed = lastText.current !== query.text;
    lastText.current = query.text;
    let done = false;
    const runFresh = () => {
      if (done) return;
      done = true;
      run(true);
    };
    pending.current = runFresh;
    const first = setTimeout(runFresh, typed ? TYPING_DELAY : 0);
    let refresh: ReturnType<typeof setTimeout> | null = null;
    const off = store.subscribe((diff) => {
      if (diff.origin === 'view' || refresh !== null || !diff.changes.some(mattersToSearch)) return;
      refresh = setTimeout(() => {
        refresh = null;
        run(false);
      }, REFRESH_DELAY);
    });
    return () => {
      off();
      clearTimeout(first);
      if (refresh !== null) clearTimeout(refresh);
    };
  }, [store, filter, query]);

  // Closing the bar (or leaving the project) removes the filter from the canvas.
  useEffect(() => () => filter.set(null), [filter]);

  // Ctrl/Cmd+F while the bar is open goes back to its text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (direction: 1 | -1) => {
    pending.current?.();
    if (filter.ordered.length === 0) return;
    let id: string | null;
    if (!visited.current) {
      visited.current = true;
      id = direction === 1 ? filter.current : filter.step(-1);
    } else id = filter.step(direction);
    if (id) onFocusShot(id);
  };

  const close = () => {
    filter.set(null);
    onClose();
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      go(e.shiftKey ? -1 : 1);
    }
  };

  const toggleStatus = (status: ShotStatus) =>
    setStatuses((current) =>
      current.includes(status) ? current.filter((s) => s !== status) : SHOT_STATUSES.filter((s) => s === status || current.includes(s)),
    );

  const tags = tag && !options.tags.includes(tag) ? [...options.tags, tag] : options.tags;
  const count = ordered.length > 0 ? `${currentIndex + 1} of ${ordered.length}` : filtering ? 'No matches' : '';

  return (
    <div className="search-bar" role="search" aria-label="Search shots" onKeyDown={onKeyDown}>
      <div className="search-row">
        <Search size={14} className="search-icon" aria-hidden="true" />
        <input
          ref={inputRef}
          className="search-input"
          type="text"
          aria-label="Search shots"
          title="Searches number, title, description, dialogue, action, lens, tags and field values"
          placeholder="Search shots… (Enter: next, Shift+Enter: previous)"
          value={text}
          maxLength={500}
          autoFocus
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="search-count tabular" aria-live="polite">
          {count}
        </span>
        <button
          type="button"
          className="icon-btn"
          aria-label="Previous match (Shift+Enter)"
          title="Previous match (Shift+Enter)"
          disabled={ordered.length === 0}
          onClick={() => go(-1)}
        >
          <ChevronUp size={15} />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Next match (Enter)"
          title="Next match (Enter)"
          disabled={ordered.length === 0}
          onClick={() => go(1)}
        >
          <ChevronDown size={15} />
        </button>
        <button type="button" className="icon-btn" aria-label="Close search (Escape)" title="Close search (Escape)" onClick={close}>
          <X size={15} />
        </button>
      </div>
      <div className="search-row search-filters">
        <div className="status-chips" role="group" aria-label="Filter by status">
          {SHOT_STATUSES.map((status) => (
            <button key={status} type="button" className="status-chip" aria-pressed={statuses.includes(status)} onClick={() => toggleStatus(status)}>
              <span className="chip-dot" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
        <select className="select search-select" aria-label="Filter by tag" value={tag} disabled={tags.length === 0} onChange={(e) => setTag(e.target.value)}>
          <option value="">{tags.length === 0 ? 'No tags yet' : 'Any tag'}</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <select
          className="select search-select"
          aria-label="Filter by scene"
          value={knownScene}
          disabled={options.scenes.length === 0}
          onChange={(e) => setSceneId(e.target.value)}
        >
          <option value="">{options.scenes.length === 0 ? 'No scenes yet' : 'Any scene'}</option>
          {options.scenes.map((scene) => (
            <option key={scene.id} value={scene.id}>
              {sceneLabel(scene)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
