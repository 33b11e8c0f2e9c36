// Lists the modules a bundle really require()s: call expressions found by the TypeScript parser, so require("x") inside strings
// (ajv keeps some as code-generation templates) does not count.
import ts from 'typescript';

export function requiredModules(code: string, fileName = 'bundle.cjs'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.add(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found].sort();
}
