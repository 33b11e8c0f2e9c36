// Types for scripts/package/tgz.mjs.
export declare function extractFromTgz(tgz: Buffer, wanted: string): Buffer;
