import * as Dialog from '@radix-ui/react-dialog';
import { Search, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ShortcutSection } from './shortcutList.ts';
import { filterSections, isMacPlatform, keyLabel } from './shortcutList.ts';

interface Props {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly sections: readonly ShortcutSection[];
}

/** The `?` overlay: every keyboard shortcut by section, filterable, in this platform's key names. */
export function ShortcutsOverlay({ open, onOpenChange, sections }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog shortcuts-dialog" aria-describedby={undefined}>
          {/* Mounted only while open, so the filter starts empty each time. */}
          <ShortcutsBody sections={sections} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ShortcutsBody({ sections }: { readonly sections: readonly ShortcutSection[] }) {
  const [query, setQuery] = useState('');
  const mac = isMacPlatform();
  const visible = useMemo(() => filterSections(sections, query, mac), [sections, query, mac]);

  return (
    <>
      <header className="shortcuts-header">
        <Dialog.Title className="dialog-title">Keyboard shortcuts</Dialog.Title>
        <Dialog.Close asChild>
          <button type="button" className="icon-btn" aria-label="Close keyboard shortcuts">
            <X size={15} />
          </button>
        </Dialog.Close>
      </header>
      <div className="shortcuts-search">
        <Search size={14} aria-hidden="true" />
        <input
          className="input"
          type="search"
          aria-label="Filter shortcuts"
          placeholder="Filter by action or key…"
          value={query}
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {visible.length === 0 ? (
        <p className="shortcuts-empty">No shortcut matches “{query.trim()}”. Try an action (“zoom”) or a key (“shift”).</p>
      ) : (
        <div className="shortcuts-columns">
          {visible.map((section) => (
            <section key={section.title} className="shortcuts-section" aria-label={section.title}>
              <h3 className="shortcuts-section-title">{section.title}</h3>
              <ul className="shortcuts-list">
                {section.items.map((item) => (
                  <li key={`${item.label}-${item.keys.join('+')}`} className="shortcuts-row">
                    <span className="shortcuts-label">{item.label}</span>
                    <span className="shortcuts-keys" aria-label={item.keys.map((k) => keyLabel(k, mac)).join(' ')}>
                      {item.keys.map((key, i) => (
                        <kbd key={`${key}-${i}`} className="kbd">
                          {keyLabel(key, mac)}
                        </kbd>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
