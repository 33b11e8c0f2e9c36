// Types for scripts/security/licenses.mjs.
export interface LicensedPackage {
  name: string;
  version: string;
  license: string;
  source: string;
}
export declare const LICENSES_DOC: string;
export declare function licenseOf(manifest: Record<string, unknown>): string;
export declare function productionPackages(root: string): LicensedPackage[];
export declare function renderLicenses(packages: LicensedPackage[]): string;
