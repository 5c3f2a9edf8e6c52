import { TooltipProvider } from '@radix-ui/react-tooltip';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Toaster, toast } from 'sonner';
import type { HostInfo, ProjectSummary } from '../../shared/ipc/contract.ts';
import type { AppError } from '../../shared/result.ts';
import { RecoverProjectDialog } from '../panels/recovery/RecoverProjectDialog.tsx';
import { ProjectLibraryScreen } from '../panels/library/ProjectLibraryScreen.tsx';
import { requestPersistentStorage } from '../platform/browserStorage.ts';
import { clientId } from '../platform/clientId.ts';
import { callMain, hasBridge, onMainEvent } from '../platform/mainBridge.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { ProjectSession } from './projectSession.ts';
import { openSession } from './projectSession.ts';
import { ProjectWorkspace } from './ProjectWorkspace.tsx';

type Screen =
  { readonly kind: 'library' } | { readonly kind: 'opening'; readonly name: string } | { readonly kind: 'workspace'; readonly session: ProjectSession };

type ProjectRef = Pick<ProjectSummary, 'path' | 'name'>;

/** The shell: the project library, or one open project's workspace. */
export function App() {
  const [host, setHost] = useState<HostInfo | null>(null);
  const [fatal] = useState<string | null>(() =>
    hasBridge() ? null : 'Shotcanvas is not connected to its services. Start it with "npm start" (desktop) or open the full URL that "npm run web" prints.',
  );
  const [hostError, setHostError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'library' });
  const [damaged, setDamaged] = useState<{ project: ProjectRef; error: AppError } | null>(null);
  const [pendingImport, setPendingImport] = useState<{ bundlePath: string | null } | null>(null);
  const clearPendingImport = useCallback(() => setPendingImport(null), []);

  useEffect(() => {
    if (!hasBridge()) return;
    void callMain('getHostInfo').then((result) => (result.ok ? setHost(result.value) : setHostError(result.error.message)));
    void requestPersistentStorage().then((status) => {
      if (status.warning) toast.warning(status.warning, { duration: Infinity });
    });
    const offWarning = onMainEvent('storageWarning', (status) => {
      if (status.message) toast.warning(status.message, { id: `disk-${status.path}`, duration: Infinity });
    });
    return offWarning;
  }, []);

  const openProject = useCallback(async (project: ProjectRef) => {
    setScreen({ kind: 'opening', name: project.name });
    // Marks for the open-time benchmark (performance entries cost nothing otherwise).
    performance.mark('shotcanvas:open-requested');
    const opened = await callMain('openProject', { path: project.path, clientId: clientId() });
    performance.mark('shotcanvas:open-received');
    if (!opened.ok) {
      setScreen({ kind: 'library' });
      if (opened.error.code === 'INVALID_PROJECT_FILE') setDamaged({ project, error: opened.error });
      else toast.error(`Could not open "${project.name}"`, { description: opened.error.message, duration: 12_000 });
      return;
    }
    try {
      const { session, notices } = await openSession(opened.value);
      performance.mark('shotcanvas:session-ready');
      for (const notice of notices) {
        if (notice.level === 'warning') toast.warning(notice.message, { duration: 15_000 });
        else toast.info(notice.message, { duration: 8000 });
      }
      setScreen({ kind: 'workspace', session });
      void callMain('getDiskStatus', { path: opened.value.summary.path }).then((status) => {
        if (status.ok && status.value.message) toast.warning(status.value.message, { id: `disk-${status.value.path}`, duration: Infinity });
      });
    } catch (error) {
      await callMain('closeProject', { projectId: opened.value.file.projectId, clientId: clientId() });
      toast.error(`Could not open "${project.name}"`, { description: error instanceof Error ? error.message : String(error), duration: 12_000 });
      setScreen({ kind: 'library' });
    }
  }, []);

  const closeProject = useCallback(async (session: ProjectSession, then?: 'import-bundle') => {
    const saved = await session.close();
    if (!saved)
      toast.error('The last changes could not be written to the project folder.', {
        description: 'They are kept in this browser; reopen the project to retry.',
      });
    setScreen({ kind: 'library' });
    if (then === 'import-bundle') setPendingImport({ bundlePath: null });
  }, []);

  // A bundle double-clicked in the OS while a project is open: close it first (the library imports).
  const screenRef = useRef(screen);
  useEffect(() => {
    screenRef.current = screen;
  }, [screen]);
  useEffect(
    () =>
      onMainEvent('openBundle', ({ path }) => {
        const current = screenRef.current;
        if (current.kind === 'workspace') void closeProject(current.session);
        setPendingImport({ bundlePath: path });
      }),
    [closeProject],
  );

  /** After a restore: close (nothing pending) and open again, which rebuilds from the folder. */
  const reopenProject = useCallback(
    async (session: ProjectSession) => {
      const name = session.store.settings.name;
      await session.close();
      await openProject({ path: session.path, name });
    },
    [openProject],
  );

  let content;
  if (fatal || hostError) {
    content = (
      <div className="fatal" role="alert">
        <h1>Shotcanvas cannot start</h1>
        <p>{fatal ?? hostError}</p>
      </div>
    );
  } else if (!host || screen.kind === 'opening') {
    content = (
      <div className="splash" aria-busy="true">
        <span className="brand-mark" aria-hidden="true" />
        <span>{screen.kind === 'opening' ? `Opening ${screen.name}…` : 'Starting…'}</span>
      </div>
    );
  } else if (screen.kind === 'library') {
    content = (
      <ErrorBoundary area="the project library">
        <ProjectLibraryScreen host={host} onOpen={(p) => void openProject(p)} pendingImport={pendingImport} onPendingImportHandled={clearPendingImport} />
      </ErrorBoundary>
    );
  } else {
    content = (
      <ErrorBoundary area="the project workspace">
        <ProjectWorkspace
          key={screen.session.projectId}
          session={screen.session}
          host={host}
          onClose={(then) => void closeProject(screen.session, then)}
          onReopen={() => void reopenProject(screen.session)}
        />
      </ErrorBoundary>
    );
  }

  return (
    <TooltipProvider delayDuration={400}>
      {content}
      <RecoverProjectDialog
        damaged={damaged}
        onCancel={() => setDamaged(null)}
        onRecovered={(project, message) => {
          setDamaged(null);
          toast.success(message, { duration: 12_000 });
          void openProject(project);
        }}
      />
      <Toaster theme="dark" position="bottom-right" closeButton toastOptions={{ className: 'toast' }} />
    </TooltipProvider>
  );
}
