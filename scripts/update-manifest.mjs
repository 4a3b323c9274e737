// The updater's manifest (latest.json) for one release, written only when the app would accept
// every file it names:
//   node scripts/update-manifest.mjs <version> <base-url> <notes-file> <artifact-dir>   prints it
//   node scripts/update-manifest.mjs --self-test       shows each check refusing a bad release
// <artifact-dir> holds the release's files under the names they are downloaded by, each update
// artifact with the .sig file `tauri bundle` wrote beside it; <base-url> is the https folder they
// are downloaded from. Every platform below must be there, and each signature must be by the
// key whose public half the app is built with (`updates.publicKey` in app-config.json, or in
// the file DIRECTUS_DESKTOP_APP_CONFIG names, as for the build), valid for its file, and bound
// to <version>. The app checks the same (tauri-plugin-updater), but only after a customer
// has downloaded the file; here a wrong key or a stale file stops the release instead.
// No dependencies: minisign, which the updater's signatures are, needs only Ed25519 and
// BLAKE2b-512, both in Node's crypto.
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The updater looks for `<os>-<arch>-<installer>`, then `<os>-<arch>`; an installed copy knows
// its installer (the bundler writes it into the binary it packs). The AppImage also answers the
// bare Linux key, as Tauri's own manifests do. Windows has no bare key: a copy that knows no
// installer was not installed by one, and an installer is not its update. One universal .app
// serves both Mac processors.
const PLATFORMS = [
  { pattern: /\.AppImage$/, keys: ["linux-x86_64"] },
  { pattern: /\.deb$/, keys: ["linux-x86_64-deb"] },
  { pattern: /\.rpm$/, keys: ["linux-x86_64-rpm"] },
  { pattern: /-setup\.exe$/, keys: ["windows-x86_64-nsis"] },
  { pattern: /\.msi$/, keys: ["windows-x86_64-msi"] },
  { pattern: /\.app\.tar\.gz$/, keys: ["darwin-aarch64", "darwin-x86_64"] },
];

// An Ed25519 public key in DER (SubjectPublicKeyInfo) is this prefix and the 32 raw bytes.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

class Refusal extends Error {}

// The text `tauri signer generate` prints (and app-config.json holds): base64 of minisign's
// two-line public key file, whose second line is base64 of "Ed", the key id and the key.
function publicKeyOf(text) {
  const lines = Buffer.from(String(text).trim(), "base64").toString("utf8").split("\n");
  const raw = Buffer.from(lines[1] ?? "", "base64");
  if (raw.length !== 42 || raw.subarray(0, 2).toString("latin1") !== "Ed") {
    throw new Refusal("updates.publicKey in app-config.json is not a key from `tauri signer generate`");
  }
  return {
    id: raw.subarray(2, 10),
    key: createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw.subarray(10)]), format: "der", type: "spki" }),
  };
}

// A .sig file: base64 of minisign's four lines (untrusted comment; "ED", the key id and the
// signature of the file's BLAKE2b-512; trusted comment; the signature of signature and trusted
// comment).
function signatureOf(text, name) {
  const lines = Buffer.from(text.trim(), "base64").toString("utf8").split("\n");
  const raw = Buffer.from(lines[1] ?? "", "base64");
  const trusted = /^trusted comment: (.*)$/.exec(lines[2] ?? "");
  if (raw.length !== 74 || raw.subarray(0, 2).toString("latin1") !== "ED" || !trusted || !lines[3]) {
    throw new Refusal(`${name}.sig is not a signature from \`tauri signer\``);
  }
  return {
    id: raw.subarray(2, 10),
    signature: raw.subarray(10),
    trustedComment: trusted[1],
    globalSignature: Buffer.from(lines[3], "base64"),
  };
}

async function blake2b(path) {
  const hash = createHash("blake2b512");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest();
}

async function checkSignature(path, name, sigText, publicKey, version) {
  const sig = signatureOf(sigText, name);
  if (!sig.id.equals(publicKey.id)) {
    const [signer, expected] = [sig.id, publicKey.id].map((id) => id.toString("hex").toUpperCase());
    throw new Refusal(`${name} is signed by key ${signer}, not by the one in app-config.json (${expected})`);
  }
  if (!verify(null, await blake2b(path), publicKey.key, sig.signature)) {
    throw new Refusal(`${name} does not match its signature (changed after it was signed?)`);
  }
  if (!verify(null, Buffer.concat([sig.signature, Buffer.from(sig.trustedComment, "utf8")]), publicKey.key, sig.globalSignature)) {
    throw new Refusal(`${name}.sig: its trusted comment is not the signed one`);
  }
  // `tauri bundle` binds each signature to the app's version, and the app refuses an update
  // whose manifest announces another.
  const signedVersion = sig.trustedComment.split("\t").find((field) => field.startsWith("version:"))?.slice("version:".length);
  if (signedVersion !== version) {
    throw new Refusal(`${name} is signed for version ${signedVersion ?? "(none)"}, not ${version}`);
  }
}

async function manifest({ version, baseUrl, notes, dir, publicKeyText }) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Refusal(`version "${version}" is not x.y.z`);
  if (!/^https:\/\/[^/]/.test(baseUrl)) throw new Refusal(`${baseUrl} is not an https address (the updater warns on anything else)`);
  if (!publicKeyText) throw new Refusal("app-config.json has no updates.publicKey: the app would check for no update");
  const publicKey = publicKeyOf(publicKeyText);
  const names = await readdir(dir);
  const platforms = {};
  for (const { pattern, keys } of PLATFORMS) {
    const found = names.filter((name) => pattern.test(name));
    if (found.length !== 1) {
      const count = found.length === 0 ? "no" : "more than one";
      throw new Refusal(`${keys.join(", ")}: ${count} file in ${dir} matching ${pattern} (${found.join(", ")})`);
    }
    const [name] = found;
    if (!names.includes(`${name}.sig`)) throw new Refusal(`${name} has no ${name}.sig beside it: was it built with the signing key?`);
    const sigText = (await readFile(join(dir, `${name}.sig`), "utf8")).trim();
    await checkSignature(join(dir, name), name, sigText, publicKey, version);
    for (const key of keys) {
      platforms[key] = { signature: sigText, url: `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(name)}` };
    }
  }
  return { version, notes: notes.trim(), pub_date: new Date().toISOString(), platforms };
}

// Each bad release must be refused for its own reason, and the good one written with every key:
// without this, a check that stopped matching anything would pass in silence. Signatures are
// made here as `tauri signer` makes them; the one real signature below (a throw-away key, over
// "an update\n", by `tauri signer sign --app-version 1.2.3` of Tauri CLI 2.12.5) keeps that
// honest.
const REAL = {
  publicKey: "dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXk6IEY1NkVDQTkwRUU4MTQxNTQKUldSVVFZSHVrTXB1OVJSZG5CY2VZbkJCeTlYWWFBVjdWSUdVWmdOK2czVVJNbGt3dytBNXVjNWcK",
  signature: "dW50cnVzdGVkIGNvbW1lbnQ6IHNpZ25hdHVyZSBmcm9tIHRhdXJpIHNlY3JldCBrZXkKUlVSVVFZSHVrTXB1OWNlcXdkN0M1SE5ENDZqUkYwN2puN1R3SW5LYWxnU3NJQktkM3R6cEZETXNzd2tMVTlSd2p2cG9rMXpTVlJJcXRrbGZNNHNNeUFJYVg1aWI4VEdrSnd3PQp0cnVzdGVkIGNvbW1lbnQ6IHRpbWVzdGFtcDoxNzk2NjE0NzA3CWZpbGU6Zml4dHVyZS5iaW4JdmVyc2lvbjoxLjIuMwpDSWI3dHFxM3ovZWJ1WStURVVGa05URGhsRVh4bWtnSjZIcFBZaktOVi9RR1hDTGp6eUFiRmhyb3Jaa3BKNUZkYURNOUx0NmVEcmZML3Zyek90aTVDdz09Cg==",
  content: "an update\n",
};

function testKey() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const id = randomBytes(8);
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x, "base64url");
  const line = Buffer.concat([Buffer.from("Ed"), id, raw]).toString("base64");
  const file = `untrusted comment: minisign public key: ${id.toString("hex").toUpperCase()}\n${line}\n`;
  return { id, privateKey, text: Buffer.from(file).toString("base64") };
}

function signatureText(key, content, name, version) {
  const signature = sign(null, createHash("blake2b512").update(content).digest(), key.privateKey);
  const trusted = `timestamp:1700000000\tfile:${name}\tversion:${version}`;
  const global = sign(null, Buffer.concat([signature, Buffer.from(trusted)]), key.privateKey);
  const line = Buffer.concat([Buffer.from("ED"), key.id, signature]).toString("base64");
  const file = [
    "untrusted comment: signature from tauri secret key",
    line,
    `trusted comment: ${trusted}`,
    global.toString("base64"),
  ].join("\n");
  return Buffer.from(`${file}\n`).toString("base64");
}

const RELEASE = [
  "Directus.Desktop_1.2.3_amd64.AppImage",
  "Directus.Desktop_1.2.3_amd64.deb",
  "Directus.Desktop-1.2.3-1.x86_64.rpm",
  "Directus.Desktop_1.2.3_x64-setup.exe",
  "Directus.Desktop_1.2.3_x64_en-US.msi",
  "directus-desktop-1.2.3-macos-universal.app.tar.gz",
];

async function release(dir, { key, version = "1.2.3", skip = [], change = null, extra = [] }) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of [...RELEASE, ...extra]) {
    const content = `the ${name}`;
    await writeFile(join(dir, name), content);
    if (!skip.includes(name)) await writeFile(join(dir, `${name}.sig`), signatureText(key, content, name, version));
    if (name === change) await writeFile(join(dir, name), `${content}, changed`);
  }
  await writeFile(join(dir, "directus-desktop-1.2.3-windows-x64-portable.zip"), "not an update");
}

async function selfTest() {
  const root = await mkdtemp(join(tmpdir(), "update-manifest-"));
  const dir = join(root, "release");
  const key = testKey();
  const base = { version: "1.2.3", baseUrl: "https://example.com/downloads/v1.2.3/", notes: " The notes.\n", dir, publicKeyText: key.text };
  let failures = 0;
  const fail = (message) => {
    console.error(`self-test: ${message}`);
    failures += 1;
  };
  try {
    await release(dir, { key });
    const written = await manifest(base);
    const expected = [
      "darwin-aarch64", "darwin-x86_64", "linux-x86_64", "linux-x86_64-deb", "linux-x86_64-rpm",
      "windows-x86_64-msi", "windows-x86_64-nsis",
    ];
    if (JSON.stringify(Object.keys(written.platforms).sort()) !== JSON.stringify(expected)) fail(`the keys are ${Object.keys(written.platforms)}`);
    const nsis = written.platforms["windows-x86_64-nsis"];
    if (nsis?.url !== "https://example.com/downloads/v1.2.3/Directus.Desktop_1.2.3_x64-setup.exe") fail(`the NSIS url is ${nsis?.url}`);
    const nsisSig = await readFile(join(dir, "Directus.Desktop_1.2.3_x64-setup.exe.sig"), "utf8");
    if (nsis?.signature !== nsisSig) fail("the NSIS signature is not its .sig file's text");
    if (written.platforms["darwin-x86_64"]?.url !== written.platforms["darwin-aarch64"]?.url) fail("the two Mac keys name different files");
    if (written.version !== "1.2.3" || written.notes !== "The notes." || Number.isNaN(Date.parse(written.pub_date))) {
      fail(`version, notes or pub_date: ${JSON.stringify(written)}`);
    }

    const cases = [
      ["a missing .sig", { skip: ["Directus.Desktop_1.2.3_amd64.deb"] }, {}, "has no Directus.Desktop_1.2.3_amd64.deb.sig"],
      ["a missing platform", { skip: [] }, { remove: "Directus.Desktop-1.2.3-1.x86_64.rpm" }, "linux-x86_64-rpm: no file"],
      ["two files for one platform", { extra: ["Directus.Desktop_1.2.2_x64_en-US.msi"] }, {}, "windows-x86_64-msi: more than one"],
      ["a file changed after signing", { change: "Directus.Desktop_1.2.3_amd64.AppImage" }, {}, "does not match its signature"],
      ["another key", { key: testKey() }, {}, "not by the one in app-config.json"],
      ["signed for another version", { version: "1.2.2" }, {}, "signed for version 1.2.2, not 1.2.3"],
      ["an http address", {}, { baseUrl: "http://example.com/" }, "not an https address"],
      ["no public key in the app", {}, { publicKeyText: undefined }, "no updates.publicKey"],
    ];
    for (const [what, built, options, expectedMessage] of cases) {
      await release(dir, { key, ...built });
      if (options.remove) await rm(join(dir, options.remove));
      try {
        await manifest({ ...base, ...options });
        fail(`${what}: written, expected a refusal ("${expectedMessage}")`);
      } catch (error) {
        if (!(error instanceof Refusal) || !error.message.includes(expectedMessage)) {
          fail(`${what}: expected "${expectedMessage}", got ${error.message}`);
        }
      }
    }

    const real = join(root, "real.bin");
    await writeFile(real, REAL.content);
    const realKey = publicKeyOf(REAL.publicKey);
    await checkSignature(real, "real.bin", REAL.signature, realKey, "1.2.3")
      .catch((error) => fail(`the real signature: ${error.message}`));
    await writeFile(real, `${REAL.content}!`);
    await checkSignature(real, "real.bin", REAL.signature, realKey, "1.2.3")
      .then(() => fail("the real signature passed over other content"), () => {});
    console.error(`update manifest self-test: ${cases.length + 3} releases, ${failures} wrong`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return failures === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    if (args.length === 1 && args[0] === "--self-test") {
      process.exit((await selfTest()) ? 0 : 1);
    }
    if (args.length !== 4) {
      console.error("usage: update-manifest.mjs <version> <base-url> <notes-file> <artifact-dir> | --self-test");
      process.exit(2);
    }
    const [version, baseUrl, notesFile, dir] = args;
    const configFile = process.env.DIRECTUS_DESKTOP_APP_CONFIG || join(dirname(fileURLToPath(import.meta.url)), "..", "app-config.json");
    const config = JSON.parse(await readFile(configFile, "utf8"));
    const written = await manifest({ version, baseUrl, notes: await readFile(notesFile, "utf8"), dir, publicKeyText: config.updates?.publicKey });
    process.stdout.write(`${JSON.stringify(written, null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`update-manifest: ${error.message}`);
    process.exit(1);
  }
}
