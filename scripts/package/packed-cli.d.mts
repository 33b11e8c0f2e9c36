// Types for scripts/package/packed-cli.mjs.
export declare const PACKED_CLI: string;
export declare function checkPackedCli(appOutDir: string): string;
