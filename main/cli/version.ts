// The tool's version, from package.json (bundled into the CLI at build time).
import pkg from '../../package.json';

export const TOOL_VERSION: string = pkg.version;
