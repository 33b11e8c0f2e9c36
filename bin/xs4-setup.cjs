#!/usr/bin/env node
// Launcher of the xs4-setup command: the CLI itself is bundled into dist/cli/cli.cjs by `npm run build`.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS launcher must require the bundle.
require('../dist/cli/cli.cjs');
