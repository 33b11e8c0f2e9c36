// requiredModules: what counts as a run-time require in a bundle.
import { describe, expect, it } from 'vitest';
import { requiredModules } from './requires';

describe('requiredModules', () => {
  it('finds require calls with literal names and ignores the same text inside strings and templates', () => {
    const code =
      'const a = `require("in-template")`; const b = \'require("in-string")\'; require("fs"); require("node:path"); const e = require(\'electron\');';
    expect(requiredModules(code)).toEqual(['electron', 'fs', 'node:path']);
  });

  it('ignores member calls and computed names', () => {
    expect(requiredModules('module.require("x"); require(name); require(`tpl`);')).toEqual(['tpl']);
  });
});
