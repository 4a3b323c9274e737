// What the release workflow promises about its secrets, checked (actionlint checks syntax, not
// this):
//   node scripts/workflow-policy.mjs <workflow.yml>...   prints each breach, exits 1 on any
//   node scripts/workflow-policy.mjs --self-test         shows each rule refusing a bad workflow
// The rules: every action is pinned by a 40-hex commit with its version in a comment (a tag or
// branch can be moved to other code); every checkout has `persist-credentials: false` (else its
// token stays in .git/config for every later step); the workflow grants no permissions and each
// job names its own; `secrets.` appears only in the `env:` of the steps listed in SIGNING_STEPS
// (never a job's or the workflow's `env:`, a `with:`, or a script's text), and those steps write
// nothing to $GITHUB_ENV, which would hand the value to every later step.
// No dependencies: the few YAML forms GitHub workflows use are read by the small parser below,
// which refuses what it does not know rather than guess.
import { readFile } from "node:fs/promises";

// The steps that sign, by `id:`. A new step that needs a secret is added here, in review.
const SIGNING_STEPS = new Set(["windows-certificate", "macos-bundle", "update-signatures"]);

class YamlError extends Error {}

// Lines without comments and blank lines, each with its indentation; block scalars (`|`, `>`)
// are kept whole as one string.
function tokenize(text) {
  const raw = text.split(/\r?\n/);
  const lines = [];
  for (let i = 0; i < raw.length; i += 1) {
    const line = raw[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^\t/.test(line)) throw new YamlError(`line ${i + 1}: a tab indents it`);
    const indent = line.length - line.trimStart().length;
    lines.push({ number: i + 1, indent, text: stripComment(line.trim()) });
    if (/:\s*[|>][-+]?\d*$/.test(lines.at(-1).text) || /^-\s+[|>][-+]?\d*$/.test(lines.at(-1).text)) {
      const body = [];
      while (i + 1 < raw.length && (/^\s*$/.test(raw[i + 1]) || leading(raw[i + 1]) > indent)) {
        i += 1;
        body.push(raw[i]);
      }
      lines.at(-1).block = body.join("\n");
    }
  }
  return lines;
}

function leading(line) {
  return line.length - line.trimStart().length;
}

function stripComment(text) {
  let quote = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,]/.test(text[i - 1])) quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text;
}

// `key: value` or `key:`; null when the text is not a mapping entry.
function splitEntry(text) {
  const match = /^("[^"]*"|'[^']*'|[^\s"'{[][^:]*?)\s*:(\s+(.*))?$/.exec(text);
  if (!match) return null;
  return { key: unquote(match[1]), rest: match[3] ?? "" };
}

function unquote(text) {
  if (/^".*"$/.test(text) || /^'.*'$/.test(text)) return text.slice(1, -1);
  return text;
}

function scalar(text, line) {
  if (text === "{}") return {};
  if (text === "[]") return [];
  if (/^\[.*\]$/.test(text)) {
    return text.slice(1, -1).split(",").map((item) => unquote(item.trim()));
  }
  if (/^\{/.test(text)) throw new YamlError(`line ${line.number}: a flow mapping ({…}) is not read here; write it as a block`);
  return unquote(text);
}

function parse(text) {
  const lines = tokenize(text);
  let at = 0;

  function node(indent) {
    const line = lines[at];
    if (!line || line.indent < indent) return null;
    return /^-(\s|$)/.test(line.text) ? sequence(line.indent) : mapping(line.indent);
  }

  function value(line, rest, indent) {
    if (line.block !== undefined) return line.block;
    if (rest !== "") return scalar(rest, line);
    const next = lines[at];
    if (next && next.indent > indent) return node(next.indent);
    if (next && next.indent === indent && /^-(\s|$)/.test(next.text)) return sequence(indent);
    return null;
  }

  function mapping(indent) {
    const result = {};
    while (at < lines.length && lines[at].indent === indent && !/^-(\s|$)/.test(lines[at].text)) {
      const line = lines[at];
      const entry = splitEntry(line.text);
      if (!entry) throw new YamlError(`line ${line.number}: expected "key: value"`);
      if (Object.hasOwn(result, entry.key)) throw new YamlError(`line ${line.number}: "${entry.key}" twice`);
      at += 1;
      result[entry.key] = value(line, entry.rest, indent);
    }
    if (at < lines.length && lines[at].indent > indent) {
      throw new YamlError(`line ${lines[at].number}: indented deeper than the line before allows`);
    }
    return result;
  }

  function sequence(indent) {
    const result = [];
    while (at < lines.length && lines[at].indent === indent && /^-(\s|$)/.test(lines[at].text)) {
      const line = lines[at];
      const content = line.text.replace(/^-\s*/, "");
      if (content === "") {
        at += 1;
        result.push(node(indent + 1));
      } else if (splitEntry(content)) {
        // "- key: value": a mapping whose keys sit where `key` starts.
        const inner = indent + (line.text.length - content.length);
        lines[at] = { ...line, indent: inner, text: content };
        result.push(mapping(inner));
      } else {
        at += 1;
        result.push(value(line, content, indent));
      }
    }
    return result;
  }

  const root = node(0);
  if (at < lines.length) throw new YamlError(`line ${lines[at].number}: not read (indentation?)`);
  return root;
}

const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/;

// `secrets.NAME` or `secrets['NAME']` (in an expression; the word in prose is not one).
const SECRETS = /\bsecrets\s*(\.[A-Za-z_]|\[)/;

function mentionsSecrets(value) {
  return SECRETS.test(JSON.stringify(value ?? null));
}

// A script's lines without its comments (a comment may name $GITHUB_ENV to say it is unused).
function code(script) {
  return String(script ?? "").split("\n").filter((line) => !/^\s*#/.test(line)).join("\n");
}

function check(text, file = "workflow") {
  const problems = [];
  const problem = (message) => problems.push(`${file}: ${message}`);
  let workflow;
  try {
    workflow = parse(text);
  } catch (error) {
    if (error instanceof YamlError) return [`${file}: ${error.message}`];
    throw error;
  }
  if (!workflow || typeof workflow !== "object" || !workflow.jobs) return [`${file}: no jobs found`];

  // The version comment lives on the raw line (the parser drops comments).
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const match = USES_LINE.exec(line);
    if (match && !match[1].startsWith("./") && !/^\s+#\s*\S/.test(match[2])) {
      problem(`line ${index + 1}: uses ${match[1]} without its version in a comment`);
    }
  }

  const permissions = workflow.permissions;
  if (!permissions || typeof permissions !== "object" || Object.keys(permissions).length > 0) {
    problem("the workflow's permissions are not `{}` (each job names what it needs)");
  }
  for (const [key, value] of Object.entries(workflow)) {
    if (key !== "jobs" && mentionsSecrets(value)) problem(`secrets in the workflow's ${key}:`);
  }

  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    if (!job || typeof job !== "object") {
      problem(`job ${jobId}: not a mapping`);
      continue;
    }
    if (!job.permissions || typeof job.permissions !== "object") {
      problem(`job ${jobId}: no permissions: of its own`);
    }
    for (const [key, value] of Object.entries(job)) {
      if (key !== "steps" && mentionsSecrets(value)) problem(`job ${jobId}: secrets in its ${key}:`);
    }
    for (const [index, step] of (job.steps ?? []).entries()) {
      const name = `job ${jobId}, step ${step?.id ?? step?.name ?? step?.uses ?? index + 1}`;
      if (!step || typeof step !== "object") {
        problem(`${name}: not a mapping`);
        continue;
      }
      if (typeof step.uses === "string" && !step.uses.startsWith("./") && !PINNED.test(step.uses)) {
        problem(`${name}: ${step.uses} is not pinned by a 40-hex commit`);
      }
      if (typeof step.uses === "string" && /^actions\/checkout@/.test(step.uses)
        && String(step.with?.["persist-credentials"]) !== "false") {
        problem(`${name}: checkout without persist-credentials: false`);
      }
      if (!mentionsSecrets(step)) continue;
      if (!SIGNING_STEPS.has(step.id)) {
        problem(`${name}: secrets in a step that does not sign (SIGNING_STEPS names those that do)`);
        continue;
      }
      for (const [key, value] of Object.entries(step)) {
        if (key !== "env" && mentionsSecrets(value)) problem(`${name}: secrets in its ${key}: (only its env: may have them)`);
      }
      if (/GITHUB_ENV/.test(code(step.run))) {
        problem(`${name}: a step with secrets writes to GITHUB_ENV (every later step would see it)`);
      }
    }
  }
  return problems;
}

// Each bad workflow must be refused for its own reason, and the good one not at all: without
// this, a rule that stopped matching anything would pass in silence.
function selfTest() {
  const good = `
permissions: {}
jobs:
  build:
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@${"a".repeat(40)} # v4.4.0
        with:
          persist-credentials: false
      - name: compile
        run: |
          echo "no secret # here"
      - id: macos-bundle
        env:
          KEY: \${{ secrets.KEY }}
        run: |
          # These secrets. Nothing goes to $GITHUB_ENV.
          sign
`;
  const cases = [
    ["a branch", good.replace(`@${"a".repeat(40)} # v4.4.0`, "@master # master"), "not pinned by a 40-hex commit"],
    ["a tag", good.replace(`@${"a".repeat(40)} # v4.4.0`, "@v4 # v4"), "not pinned by a 40-hex commit"],
    ["no version comment", good.replace(" # v4.4.0", ""), "without its version in a comment"],
    ["a checkout keeping its token", good.replace("persist-credentials: false", "persist-credentials: true"), "persist-credentials"],
    ["a checkout with no with:", good.replace("        with:\n          persist-credentials: false\n", ""), "persist-credentials"],
    ["a job-level env", good.replace("    steps:\n", "    env:\n      KEY: ${{ secrets.KEY }}\n    steps:\n"), "job build: secrets in its env:"],
    ["a workflow-level env", `env:\n  KEY: \${{ secrets.KEY }}\n${good}`, "secrets in the workflow's env:"],
    ["a step that does not sign", good.replace("echo \"no secret # here\"", "echo ${{ secrets.KEY }}"), "does not sign"],
    ["a signing step's script", good.replace("run: |\n          # These secrets. Nothing goes to $GITHUB_ENV.\n          sign", "run: sign ${{ secrets.KEY }}"), "secrets in its run:"],
    ["a signing step writing GITHUB_ENV", good.replace("run: |\n          # These secrets. Nothing goes to $GITHUB_ENV.\n          sign", 'run: echo "K=$KEY" >> "$GITHUB_ENV"'), "GITHUB_ENV"],
    ["secrets['NAME']", good.replace("echo \"no secret # here\"", "echo ${{ secrets['KEY'] }}"), "does not sign"],
    ["workflow permissions", good.replace("permissions: {}\n", "permissions:\n  contents: write\n"), "workflow's permissions"],
    ["a job without permissions", good.replace("    permissions:\n      contents: read\n", ""), "no permissions: of its own"],
    ["a flow mapping", good.replace("        with:\n          persist-credentials: false\n", "        with: {persist-credentials: false}\n"), "flow mapping"],
  ];
  let failures = 0;
  const clean = check(good, "good");
  if (clean.length > 0) {
    console.error(`self-test: the good workflow was refused:\n  ${clean.join("\n  ")}`);
    failures += 1;
  }
  for (const [what, text, expected] of cases) {
    const found = check(text, what);
    if (!found.some((message) => message.includes(expected))) {
      console.error(`self-test: ${what}: expected "${expected}", got ${JSON.stringify(found)}`);
      failures += 1;
    }
  }
  console.error(`workflow policy self-test: ${cases.length + 1} workflows, ${failures} wrong`);
  return failures === 0;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: workflow-policy.mjs <workflow.yml>... | --self-test");
  process.exit(2);
}
if (files.length === 1 && files[0] === "--self-test") process.exit(selfTest() ? 0 : 1);
let problems = 0;
for (const file of files) {
  for (const message of check(await readFile(file, "utf8"), file)) {
    console.error(message);
    problems += 1;
  }
}
console.error(`workflow policy: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
