// Preloaded (`node -r`) into one `xs4-setup doctor` process by the benchmark: reports its peak RSS on exit, on stderr.
'use strict';
process.on('exit', () => process.stderr.write(`MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
