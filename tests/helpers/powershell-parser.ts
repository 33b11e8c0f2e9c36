// Parses PowerShell with tree-sitter-powershell (WASM) so tests can prove scripts are well-formed and where data sits.
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | undefined;

export function powershellParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const language = await Language.load(
      require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'),
    );
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export interface ParseProblem {
  kind: 'ERROR' | 'MISSING';
  row: number;
  column: number;
  text: string;
}

/** Every ERROR and MISSING node, with its position; empty when the script parses cleanly. */
export function problemsOf(root: Node): ParseProblem[] {
  const out: ParseProblem[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'ERROR' || n.isMissing) {
      out.push({
        kind: n.isMissing ? 'MISSING' : 'ERROR',
        row: n.startPosition.row + 1,
        column: n.startPosition.column + 1,
        text: n.text.slice(0, 80),
      });
    }
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return out;
}

export async function parsePowerShell(
  text: string,
): Promise<{ root: Node; hasError: boolean; problems: ParseProblem[] }> {
  const parser = await powershellParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return { root: tree.rootNode, hasError: tree.rootNode.hasError, problems: problemsOf(tree.rootNode) };
}

/** All nodes of the tree, depth first. */
export function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    out.push(n);
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return out;
}
