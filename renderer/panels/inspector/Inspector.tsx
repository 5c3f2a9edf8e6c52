import type { ShotStatus } from '../../../shared/model/shot.ts';
import { SHOT_STATUSES } from '../../../shared/model/shot.ts';
import { formatDurationShort } from '../../../shared/model/duration.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { EditableShotFields } from '../../editor/shotCommands.ts';
import { updateShot } from '../../editor/shotCommands.ts';
import type { Selection } from '../../editor/selection.ts';
import { deriveShotNumbers } from '../../../shared/model/numbering.ts';
import { MultiInspector } from './MultiInspector.tsx';
import { ShotDetails } from './ShotDetails.tsx';
import { NoteInspector } from './NoteInspector.tsx';
import { SceneInspector } from './SceneInspector.tsx';
import { STATUS_COLORS, STATUS_LABELS } from '../../canvas/canvasTheme.ts';
import { useDocumentRevision } from '../../app/useEditorState.ts';
import { BufferedInput, BufferedTextArea } from './BufferedField.tsx';
import * as Tabs from '@radix-ui/react-tabs';
import { useSyncExternalStore } from 'react';
import type { ProjectSession } from '../../app/projectSession.ts';
import type { InspectorTab, TakePanelState } from '../../editor/takePanelState.ts';
import { TakesPanel } from '../takes/TakesPanel.tsx';

interface Props {
  readonly store: DocumentStore;
  readonly selection: Selection;
  readonly selectedIds: ReadonlySet<string>;
  readonly onGroup: () => void;
  /** The open project and the take panel's view state: a selected shot gets a Takes tab. */
  readonly session?: ProjectSession;
  readonly takePanel?: TakePanelState;
}

const NO_PANEL_SUBSCRIBE = () => () => undefined;

/** The right-hand panel: edits the selected shot's fields. Every commit is one document edit. */
/** The right-hand panel: edits whatever is selected (shot, scene, note, or several at once). */
export function Inspector({ store, selection, selectedIds, onGroup, session, takePanel }: Props) {
  useDocumentRevision(store);
  useSyncExternalStore(takePanel ? takePanel.subscribe : NO_PANEL_SUBSCRIBE, () => takePanel?.version ?? 0);
  const selected = [...selectedIds].map((id) => store.get(id)).filter((r) => r !== undefined);

  if (selected.length === 0) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <div className="inspector-empty">
          <strong>Nothing selected</strong>
          <span>Select a shot to edit its title, description and camera details. Drag on the empty canvas to select several.</span>
        </div>
      </aside>
    );
  }
  if (selected.length > 1) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <MultiInspector store={store} ids={selected.map((r) => r.id)} onGroup={onGroup} />
      </aside>
    );
  }
  const only = selected[0]!;
  if (only.kind === 'scene') {
    return (
      <aside className="inspector" aria-label="Inspector">
        <SceneInspector store={store} scene={only} selection={selection} />
      </aside>
    );
  }
  if (only.kind === 'note') {
    return (
      <aside className="inspector" aria-label="Inspector">
        <NoteInspector store={store} note={only} />
      </aside>
    );
  }
  if (only.kind === 'take') {
    // Takes are not on the canvas; nothing selects one yet (the take panels come with issue 5's UI).
    return <aside className="inspector" aria-label="Inspector" />;
  }
  if (only.kind === 'arrow') {
    return (
      <aside className="inspector" aria-label="Inspector">
        <header className="inspector-header">
          <span className="inspector-kicker">Arrow</span>
        </header>
        <div className="inspector-empty">
          <span>Arrows follow the cards they connect. Press Delete to remove it.</span>
        </div>
      </aside>
    );
  }
  const shot = only;
  const number = deriveShotNumbers(store.shots(), store.ofKind('scene')).get(shot.id) ?? '';
  const set = (patch: Partial<EditableShotFields>) => updateShot(store, shot.id, patch);
  const disabled = store.readOnly !== null;
  const rate = store.settings.frameRate;

  const tab: InspectorTab = session && takePanel ? takePanel.tab : 'shot';
  const takeCount = store.takesOf(shot.id).length;
  return (
    <aside className="inspector" aria-label="Inspector" data-tab={tab}>
      <header className="inspector-header">
        <span className="inspector-kicker">Shot</span>
        <span className="inspector-number tabular">{number}</span>
      </header>
      <Tabs.Root className="inspector-tabs-root" value={tab} onValueChange={(value) => takePanel?.setTab(value as InspectorTab)}>
        {session && takePanel ? (
          <Tabs.List className="inspector-tabs" aria-label="Shot or takes">
            <Tabs.Trigger className="inspector-tab" value="shot">
              Shot
            </Tabs.Trigger>
            <Tabs.Trigger className="inspector-tab" value="takes">
              Takes ({takeCount})
            </Tabs.Trigger>
          </Tabs.List>
        ) : null}
        <Tabs.Content value="shot" className="inspector-tab-content">
          <div className="inspector-body">
            <label className="field">
              <span className="field-label">Title</span>
              <BufferedInput
                disabled={disabled}
                ariaLabel="Title"
                value={shot.title}
                placeholder="Untitled shot"
                maxLength={500}
                onCommit={(title) => set({ title })}
              />
            </label>
            <label className="field">
              <span className="field-label">Description</span>
              <BufferedTextArea
                disabled={disabled}
                ariaLabel="Description"
                value={shot.description}
                placeholder="What happens in this shot?"
                maxLength={20000}
                onCommit={(description) => set({ description })}
              />
            </label>
            <label className="field">
              <span className="field-label">Status</span>
              <div className="status-select">
                <span className="status-dot" style={{ background: STATUS_COLORS[shot.status] }} aria-hidden="true" />
                <select
                  className="select"
                  aria-label="Status"
                  disabled={disabled}
                  value={shot.status}
                  onChange={(e) => set({ status: e.target.value as ShotStatus })}
                >
                  {SHOT_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {STATUS_LABELS[status]}
                    </option>
                  ))}
                </select>
              </div>
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field-label">Shot size</span>
                <BufferedInput
                  disabled={disabled}
                  ariaLabel="Shot size"
                  value={shot.shotSize}
                  placeholder="WS, MS, CU…"
                  maxLength={100}
                  onCommit={(shotSize) => set({ shotSize })}
                />
              </label>
              <label className="field">
                <span className="field-label">Angle</span>
                <BufferedInput
                  disabled={disabled}
                  ariaLabel="Angle"
                  value={shot.angle}
                  placeholder="Eye level"
                  maxLength={100}
                  onCommit={(angle) => set({ angle })}
                />
              </label>
            </div>
            <div className="field-row">
              <label className="field">
                <span className="field-label">Lens</span>
                <BufferedInput disabled={disabled} ariaLabel="Lens" value={shot.lens} placeholder="35mm" maxLength={100} onCommit={(lens) => set({ lens })} />
              </label>
              <label className="field">
                <span className="field-label">Duration (frames)</span>
                <BufferedInput
                  disabled={disabled}
                  ariaLabel="Planned duration in frames"
                  value={shot.plannedDurationFrames === null ? '' : String(shot.plannedDurationFrames)}
                  placeholder="e.g. 96"
                  inputMode="numeric"
                  validate={(text) => (text.trim() === '' || /^[1-9]\d{0,8}$/.test(text.trim()) ? null : 'Whole frames, 1 or more')}
                  onCommit={(text) => set({ plannedDurationFrames: text.trim() === '' ? null : Number(text.trim()) })}
                />
                <span className="field-hint tabular">
                  {shot.plannedDurationFrames ? formatDurationShort(shot.plannedDurationFrames, rate) : 'Not planned yet'}
                </span>
              </label>
            </div>
            <label className="field">
              <span className="field-label">Movement</span>
              <BufferedInput
                disabled={disabled}
                ariaLabel="Movement"
                value={shot.movement}
                placeholder="Static, push in, pan left…"
                maxLength={200}
                onCommit={(movement) => set({ movement })}
              />
            </label>
            <ShotDetails store={store} shot={shot} disabled={disabled} />
          </div>
        </Tabs.Content>
        {session && takePanel ? (
          <Tabs.Content value="takes" className="inspector-tab-content">
            <TakesPanel key={shot.id} session={session} shot={shot} panel={takePanel} />
          </Tabs.Content>
        ) : null}
      </Tabs.Root>
    </aside>
  );
}
