// The Browse buttons' system dialogs in the main process: which dialog each purpose opens, the files it offers, the
// window it belongs to, and Cancel answered as null. Against the fake electron dialog.
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, dialog, resetFakeElectron } from '../fakes/electron';
import { createPathDialogs } from '../../main/path-dialogs';

beforeEach(() => resetFakeElectron());

describe('path dialogs', () => {
  it('opens a .ps1 file for the install script, modal to the app window, in the words the page gave', async () => {
    const win = new BrowserWindow({});
    dialog.openResult = { canceled: false, filePaths: ['C:\\Users\\Public\\Downloads\\SpaceInstall.ps1'] };
    const path = await createPathDialogs(() => win as never).choosePath({
      purpose: 'installScript',
      title: 'Elija el script de instalación de Space',
      filterName: 'Script de PowerShell',
      defaultPath: 'C:\\Users\\Public\\Downloads\\SpaceInstall.ps1',
    });
    expect(path).toBe('C:\\Users\\Public\\Downloads\\SpaceInstall.ps1');
    expect(dialog.calls).toEqual([
      {
        kind: 'open',
        parent: win,
        options: {
          title: 'Elija el script de instalación de Space',
          defaultPath: 'C:\\Users\\Public\\Downloads\\SpaceInstall.ps1',
          filters: [{ name: 'Script de PowerShell', extensions: ['ps1'] }],
          properties: ['openFile'],
        },
      },
    ]);
  });

  it('opens a folder for the evidence bundles, the technician may make a new one in the dialog', async () => {
    dialog.openResult = { canceled: false, filePaths: ['C:\\xs4-evidence'] };
    const dialogs = createPathDialogs(() => null);
    expect(await dialogs.choosePath({ purpose: 'evidenceFolder', title: 'Choose a folder' })).toBe(
      'C:\\xs4-evidence',
    );
    expect(await dialogs.choosePath({ purpose: 'bundleFolder', title: 'Choose a bundle' })).toBe(
      'C:\\xs4-evidence',
    );
    for (const call of dialog.calls) {
      expect(call.parent).toBeNull();
      expect(call.options.properties).toEqual(['openDirectory', 'createDirectory']);
      expect(call.options.filters).toBeUndefined();
    }
  });

  it('saves the report as .html, asking before it overwrites a file', async () => {
    dialog.saveResult = { canceled: false, filePath: 'C:\\Users\\Public\\site-12.html' };
    const path = await createPathDialogs(() => null).choosePath({
      purpose: 'report',
      title: 'Save the report as',
      filterName: 'HTML report',
    });
    expect(path).toBe('C:\\Users\\Public\\site-12.html');
    expect(dialog.calls[0]).toMatchObject({
      kind: 'save',
      options: {
        title: 'Save the report as',
        filters: [{ name: 'HTML report', extensions: ['html', 'htm'] }],
        properties: ['showOverwriteConfirmation'],
      },
    });
  });

  it('answers null when the technician cancels either dialog', async () => {
    const dialogs = createPathDialogs(() => null);
    expect(await dialogs.choosePath({ purpose: 'installScript', title: 'x' })).toBeNull();
    expect(await dialogs.choosePath({ purpose: 'report', title: 'x' })).toBeNull();
    dialog.openResult = { canceled: false, filePaths: [] };
    expect(await dialogs.choosePath({ purpose: 'bundleFolder', title: 'x' })).toBeNull();
  });
});
