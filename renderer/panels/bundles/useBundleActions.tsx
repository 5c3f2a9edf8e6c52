import { useCallback, useState } from 'react';
import { toast } from 'sonner';
import type { HostInfo } from '../../../shared/ipc/contract.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { JobProgressDialog } from '../jobs/JobProgressDialog.tsx';
import { useJob } from '../jobs/useJob.ts';
import { FolderPickerDialog } from '../library/FolderPickerDialog.tsx';

/**
 * Export a project as a `.shotcanvas` bundle and import one as a new project, with progress and
 * cancel. Desktop uses native dialogs; the web host exports into the project's exports/ folder and
 * picks bundles with the in-app picker.
 */
export function useBundleActions(host: HostInfo, onImported: (project: { path: string; name: string }) => void) {
  const job = useJob();
  const [picking, setPicking] = useState(false);

  const exportProject = useCallback(
    async (project: { path: string; name: string }) => {
      let targetPath: string | undefined;
      if (host.kind === 'desktop') {
        const picked = await callMain('showSaveDialog', { purpose: 'export-bundle', defaultName: `${project.name}.shotcanvas` });
        if (!picked.ok) return void toast.error('Could not show the Save dialog', { description: picked.error.message });
        if (!picked.value.path) return;
        targetPath = picked.value.path;
      }
      const result = await job.run(`Exporting "${project.name}"`, () =>
        callMain('exportBundle', targetPath ? { path: project.path, targetPath } : { path: project.path }),
      );
      if (result.ok) toast.success(`Exported "${project.name}"`, { description: result.value.targetPath ?? undefined, duration: 10_000 });
      else if (result.error.code === 'CANCELLED') toast.info(result.error.message);
      else toast.error(`Could not export "${project.name}"`, { description: result.error.message, duration: 12_000 });
    },
    [host.kind, job],
  );

  const importFrom = useCallback(
    async (bundlePath: string) => {
      const name = bundlePath.split(/[\\/]/).pop() ?? 'bundle';
      const result = await job.run(`Importing ${name}`, () => callMain('importBundle', { bundlePath }));
      if (result.ok) {
        const imported = result.value.value as { projectDir: string; name: string };
        toast.success(`Imported "${imported.name}"`, {
          description: imported.projectDir,
          action: { label: 'Open', onClick: () => onImported({ path: imported.projectDir, name: imported.name }) },
        });
        onImported({ path: imported.projectDir, name: imported.name });
      } else if (result.error.code === 'CANCELLED') toast.info(result.error.message);
      else toast.error(`Could not import ${name}`, { description: result.error.message, duration: 15_000 });
    },
    [job, onImported],
  );

  const pickAndImport = useCallback(async () => {
    if (host.kind === 'web') return setPicking(true);
    const picked = await callMain('showOpenDialog', { purpose: 'import-bundle' });
    if (!picked.ok) toast.error('Could not show the Open dialog', { description: picked.error.message });
    else if (picked.value.path) await importFrom(picked.value.path);
  }, [host.kind, importFrom]);

  const dialogs = (
    <>
      <JobProgressDialog open={job.state !== null} title={job.state?.title ?? ''} progress={job.state?.progress ?? null} onCancel={job.cancel} />
      <FolderPickerDialog
        open={picking}
        title="Import project bundle"
        fileExtensions={['shotcanvas']}
        onCancel={() => setPicking(false)}
        onPick={(path) => {
          setPicking(false);
          void importFrom(path);
        }}
      />
    </>
  );
  return { exportProject, importFrom, pickAndImport, dialogs };
}
