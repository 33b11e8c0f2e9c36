// Preload for electronegativity: its two network look-ups (translations, Electron release list) fail at once instead of
// reaching the internet, which CI cannot do, and whose got@11 retry timer crashes on Node 24. Scans stay local and deterministic.
import Module from 'node:module';

const offline = () => Promise.reject(new Error('offline: the security scan does not use the network'));
offline.head = offline;
offline.get = offline;

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got') return offline;
  return load.call(this, request, parent, isMain);
};
