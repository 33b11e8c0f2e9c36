// Types for scripts/package/pe.mjs.
export declare const RT_RCDATA: number;
export interface PeInfo {
  machine: number;
  isX64: boolean;
  subsystem: number;
  sections: Array<{
    name: string;
    virtualSize: number;
    virtualAddress: number;
    rawSize: number;
    rawOffset: number;
  }>;
  resourceDir: { address: number; size: number };
  signature: { address: number; size: number };
  rvaToOffset(rva: number): number;
}
export interface PeResource {
  type: number | string;
  name: number | string;
  lang: number | string;
  size: number;
  fileOffset: number;
}
export declare function readPe(buf: Buffer): PeInfo;
export declare function listResources(buf: Buffer, pe?: PeInfo): PeResource[];
export declare function readRcData(buf: Buffer, name: string): Buffer | null;
