import { useCallback, useEffect, useState } from 'react';
import { Toaster, toast } from 'sonner';
import { TooltipProvider } from '@radix-ui/react-tooltip';
import type { HostInfo, ProjectSummary } from '../../shared/ipc/contract.ts';
import { callMain, hasBridge } from '../platform/mainBridge.ts';
import { ProjectLibraryScreen } from '../panels/library/ProjectLibraryScreen.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { ProjectSession } from './projectSession.ts';
import { openSession } from './projectSession.ts';
import { ProjectWorkspace } from './ProjectWorkspace.tsx';

type Screen =
  { readonly kind: 'library' } | { readonly kind: 'opening'; readonly name: string } | { readonly kind: 'workspace'; readonly session: ProjectSession };

/** The shell: the project library, or one open project's workspace. */
export function App() {
  const [host, setHost] = useState<HostInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(() =>
    hasBridge() ? null : 'Shotcanvas is not connected to its services. Start it with "npm start" (desktop) or open the full URL that "npm run web" prints.',
  );
  const [screen, setScreen] = useState<Screen>({ kind: 'library' });

  useEffect(() => {
    if (!hasBridge()) return;
    void callMain('getHostInfo').then((result) => (result.ok ? setHost(result.value) : setFatal(result.error.message)));
  }, []);

  const openProject = useCallback(async (summary: Pick<ProjectSummary, 'path' | 'name'>) => {
    setScreen({ kind: 'opening', name: summary.name });
    const opened = await callMain('openProject', { path: summary.path });
    if (!opened.ok) {
      toast.error(`Could not open "${summary.name}"`, { description: opened.error.message, duration: 10_000 });
      setScreen({ kind: 'library' });
      return;
    }
    try {
      const { session, notices } = await openSession(opened.value);
      for (const notice of notices) toast.info(notice.message, { duration: 8000 });
      setScreen({ kind: 'workspace', session });
    } catch (error) {
      await callMain('closeProject', { projectId: opened.value.file.projectId });
      toast.error(`Could not open "${summary.name}"`, { description: error instanceof Error ? error.message : String(error), duration: 10_000 });
      setScreen({ kind: 'library' });
    }
  }, []);

  const closeProject = useCallback(async (session: ProjectSession) => {
    const saved = await session.close();
    if (!saved)
      toast.error('The last changes could not be written to the project folder.', {
        description: 'They are kept in this browser; reopen the project to retry.',
      });
    setScreen({ kind: 'library' });
  }, []);

  let content;
  if (fatal) {
    content = (
      <div className="fatal" role="alert">
        <h1>Shotcanvas cannot start</h1>
        <p>{fatal}</p>
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
        <ProjectLibraryScreen host={host} onOpen={(p) => void openProject(p)} />
      </ErrorBoundary>
    );
  } else {
    content = (
      <ErrorBoundary area="the project workspace">
        <ProjectWorkspace key={screen.session.projectId} session={screen.session} host={host} onClose={() => void closeProject(screen.session)} />
      </ErrorBoundary>
    );
  }

  return (
    <TooltipProvider delayDuration={400}>
      {content}
      <Toaster theme="dark" position="bottom-right" closeButton toastOptions={{ className: 'toast' }} />
    </TooltipProvider>
  );
}
