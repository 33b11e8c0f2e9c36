// Loaded only if NODE_OPTIONS reached the packaged app's main process; it leaves a file that the fuse test asserts never appears.
process
  .getBuiltinModule('node:fs')
  .writeFileSync(process.env.XS4_NODE_OPTIONS_PROBE_OUT, 'NODE_OPTIONS was honoured');
