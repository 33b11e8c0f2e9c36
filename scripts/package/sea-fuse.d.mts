// Types for scripts/package/sea-fuse.mjs.
export declare const SEA_SENTINEL: string;
export declare const SEA_RESOURCE: string;
export declare function seaFuseState(buf: Buffer): 'flipped' | 'unflipped' | 'missing' | 'ambiguous';
