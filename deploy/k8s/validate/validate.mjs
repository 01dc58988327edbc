// Validates rendered manifests (kubectl kustomize output) without a cluster:
//   node validate.mjs <rendered.yaml>...
// - Kubernetes kinds against the API schemas of the npm package kubernetes-models, plus a check
//   for fields the API does not know (a misspelt field is silently dropped by a lenient apply and
//   refused by 'kubectl apply --validate=strict', the default);
// - custom resources (RabbitMQ, CloudNativePG, Barman Cloud, Dapr) against the openAPIV3Schema of
//   the CRDs their operators publish (schemas/, see SOURCES.md), unknown fields included;
// - Dapr: component metadata names the component type knows (and the ones it requires), and
//   sidecar annotations the injector knows.
// Every object must be covered: a kind without a schema is an error, not a skip.
// Prints one line per error and a summary; exit code 1 when anything is wrong.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve("kubernetes-models/package.json"));
const apimachineryRoot = dirname(require.resolve("@kubernetes-models/apimachinery/package.json"));

// ---- Known fields of the Kubernetes kinds, read from the models' type declarations ----------
// The models validate types, formats and required fields but accept any extra field.

const interfaces = new Map(); // IIoK8sApiCoreV1Container -> Map(field -> type text)
const kindInterface = new Map(); // "apps/v1/Deployment" -> IIoK8sApiAppsV1Deployment

function* declarationFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "_schemas" && entry.name !== "node_modules") yield* declarationFiles(path);
    else if (entry.isFile() && entry.name.endsWith(".d.ts") && entry.name !== "index.d.ts") yield path;
  }
}

function indexDeclarations(root) {
  for (const file of declarationFiles(root)) {
    const text = readFileSync(file, "utf8");
    const alias = /export type \{ (I\w+) as (IIoK8s\w+)/.exec(text);
    if (!alias) continue;
    const [, local, canonical] = alias;
    const body = new RegExp(`export interface ${local}\\b[^{]*\\{`).exec(text);
    if (!body) continue; // a type alias (IntOrString, Quantity, Time): a scalar
    const fields = new Map();
    let depth = 1;
    for (const line of text.slice(body.index + body[0].length).split("\n")) {
      if (depth === 1) {
        const field = /^\s*"([^"]+)"\??: (.*?);?$/.exec(line);
        if (field) fields.set(field[1], field[2]);
      }
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (depth <= 0) break;
    }
    interfaces.set(canonical, fields);
    const rel = relative(root, file).replace(/\.d\.ts$/, "");
    if (root === modelsRoot && fields.has("apiVersion") && fields.has("kind")) kindInterface.set(rel, canonical);
  }
}

// Reading ~3,600 declaration files costs more than validating: keep the index in .cache/,
// keyed by the installed packages' versions.
const modelsVersion = ["kubernetes-models", "@kubernetes-models/apimachinery"].map((p) => `${p}@${require(`${p}/package.json`).version}`).join(",");
const indexFile = join(here, ".cache", `declarations.${createHash("sha256").update(modelsVersion).digest("hex").slice(0, 16)}.json`);
if (existsSync(indexFile)) {
  const cached = JSON.parse(readFileSync(indexFile, "utf8"));
  for (const [name, fields] of Object.entries(cached.interfaces)) interfaces.set(name, new Map(Object.entries(fields)));
  for (const [key, name] of Object.entries(cached.kinds)) kindInterface.set(key, name);
} else {
  indexDeclarations(modelsRoot);
  indexDeclarations(apimachineryRoot);
  mkdirSync(dirname(indexFile), { recursive: true });
  const data = {
    interfaces: Object.fromEntries([...interfaces].map(([name, fields]) => [name, Object.fromEntries(fields)])),
    kinds: Object.fromEntries(kindInterface),
  };
  writeFileSync(`${indexFile}.${process.pid}.tmp`, JSON.stringify(data));
  renameSync(`${indexFile}.${process.pid}.tmp`, indexFile);
}

function unknownFields(value, typeText, path, errors) {
  if (value === null || typeof value !== "object" || !typeText) return;
  const array = /^Array<(IIoK8s\w+)>$/.exec(typeText);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, array[1], `${path}/${i}`, errors));
    return;
  }
  const fields = interfaces.get(typeText);
  if (!fields || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) errors.push(`${path}/${key}: unknown field`);
    else unknownFields(child, fields.get(key), `${path}/${key}`, errors);
  }
}

// ---- Custom resources: CRD schemas, made strict -------------------------------------------

const ajvOptions = { allErrors: true, strict: false, validateFormats: false };

// A structural schema prunes unknown fields unless it says to keep them; the API server with
// strict field validation refuses them. Make that an error here too.
function strictSchema(node) {
  if (Array.isArray(node)) return node.map(strictSchema);
  if (node === null || typeof node !== "object") return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "properties" ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, strictSchema(s)])) : strictSchema(v)]));
  if (out.type === "object" && out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

// "rabbitmq.com/v1beta1/RabbitmqCluster" -> schema file; compiled on first use (compiling is
// most of the run time, and an overlay need not use every kind).
const crdSchemas = new Map();
const crdValidators = new Map();
const schemasDir = join(here, "schemas");
for (const group of readdirSync(schemasDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  for (const file of readdirSync(join(schemasDir, group.name)).filter((f) => f.endsWith(".json"))) {
    const [, kind, version] = /^(\w+)\.(\w+)\.json$/.exec(file);
    crdSchemas.set(`${group.name}/${version}/${kind}`, join(schemasDir, group.name, file));
  }
}

// Compiling the large CRD schemas (CloudNativePG Cluster, RabbitmqCluster) takes seconds, so the
// generated validation code is kept in .cache/ (git-ignored), keyed by the schema's content, this
// file's content and the Ajv version.
const cacheDir = join(here, ".cache");
const cacheSalt = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).update(require("ajv/package.json").version);

function crdValidator(key) {
  if (!crdSchemas.has(key)) return undefined;
  if (!crdValidators.has(key)) {
    const text = readFileSync(crdSchemas.get(key), "utf8");
    const hash = cacheSalt.copy().update(text).digest("hex").slice(0, 16);
    const cached = join(cacheDir, `${key.replaceAll("/", "_")}.${hash}.cjs`);
    if (!existsSync(cached)) {
      const compiler = new Ajv({ ...ajvOptions, code: { source: true } });
      compiler.addKeyword("x-kubernetes-preserve-unknown-fields");
      const code = standaloneCode(compiler, compiler.compile(strictSchema(JSON.parse(text))));
      mkdirSync(cacheDir, { recursive: true });
      const prefix = `${key.replaceAll("/", "_")}.`;
      for (const stale of readdirSync(cacheDir).filter((f) => f.startsWith(prefix) && f.endsWith(".cjs"))) rmSync(join(cacheDir, stale), { force: true });
      const partial = `${cached}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, cached); // atomic: concurrent runs never load half a file
    }
    crdValidators.set(key, require(cached));
  }
  return crdValidators.get(key);
}

const dapr = JSON.parse(readFileSync(join(here, "dapr-component-metadata.json"), "utf8"));
const daprMetadata = dapr.types;

// The sidecar injector ignores an annotation it does not know: a typo would silently drop a setting.
function checkDaprAnnotations(obj, errors) {
  const annotations = obj.spec?.template?.metadata?.annotations ?? {};
  for (const name of Object.keys(annotations).filter((a) => a.startsWith("dapr.io/"))) {
    if (!dapr.annotations.includes(name)) errors.push(`/spec/template/metadata/annotations: '${name}' is not a Dapr sidecar annotation`);
  }
}

function checkDaprComponent(obj, errors) {
  const type = obj.spec?.type;
  const known = daprMetadata[type];
  if (!known) {
    errors.push(`/spec/type: '${type}' is not a component type listed in dapr-component-metadata.json`);
    return;
  }
  if (obj.spec.version !== known.version) errors.push(`/spec/version: '${obj.spec.version}', ${type} is ${known.version}`);
  const names = (obj.spec.metadata ?? []).map((m) => m.name);
  for (const name of names) {
    if (!known.metadata.includes(name)) errors.push(`/spec/metadata: '${name}' is not a metadata field of ${type}`);
  }
  for (const name of known.required) {
    if (!names.includes(name)) errors.push(`/spec/metadata: ${type} requires '${name}'`);
  }
}

// ---- Validation ----------------------------------------------------------------------------

const { ObjectMeta } = await import("@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta");

async function validateObject(obj) {
  const errors = [];
  if (!obj || typeof obj !== "object" || !obj.apiVersion || !obj.kind) return ["not a Kubernetes object (apiVersion and kind are required)"];
  if (!obj.metadata?.name) errors.push("/metadata/name: required");
  const key = `${obj.apiVersion}/${obj.kind}`;
  const crd = crdValidator(key);
  if (crd) {
    if (!crd(obj)) {
      for (const e of crd.errors) {
        const extra = e.keyword === "additionalProperties" ? ` '${e.params.additionalProperty}'` : e.keyword === "enum" ? ` ${JSON.stringify(e.params.allowedValues)}` : "";
        errors.push(`${e.instancePath || "/"}: ${e.message}${extra}`);
      }
    }
    try {
      new ObjectMeta(obj.metadata).validate();
    } catch (e) {
      errors.push(...(e.errors ?? [e]).map((x) => `/metadata${x.instancePath ?? ""}: ${x.message}`));
    }
    unknownFields(obj.metadata, "IIoK8sApimachineryPkgApisMetaV1ObjectMeta", "/metadata", errors);
    if (key === "dapr.io/v1alpha1/Component") checkDaprComponent(obj, errors);
    return errors;
  }
  const canonical = kindInterface.get(key);
  if (!canonical) return [`no schema for ${key}: neither a Kubernetes kind of kubernetes-models nor a CRD under schemas/`];
  const module = await import(`kubernetes-models/${key}`);
  try {
    new module[obj.kind](obj).validate();
  } catch (e) {
    errors.push(...(e.errors ?? [e]).map((x) => `${x.instancePath || "/"}: ${x.message}${x.params?.allowedValues ? " " + JSON.stringify(x.params.allowedValues) : ""}`));
  }
  unknownFields(obj, canonical, "", errors);
  checkDaprAnnotations(obj, errors);
  return errors;
}

const files = process.argv.slice(2);
if (files.length === 0 || !files.every(existsSync)) {
  console.error("usage: node validate.mjs <rendered.yaml>... (files must exist)");
  process.exit(2);
}

let objects = 0;
let failures = 0;
let emptyFiles = 0;
for (const file of files) {
  let fileObjects = 0;
  let fileFailures = 0;
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length) {
      fileFailures++;
      console.log(`${file}: document ${i + 1}: YAML: ${doc.errors[0].message}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null) continue;
    fileObjects++;
    const name = `${obj?.kind ?? "?"}/${obj?.metadata?.name ?? "?"}`;
    for (const error of await validateObject(obj)) {
      fileFailures++;
      console.log(`${file}: ${name}: ${error}`);
    }
  }
  console.log(`${file}: validated ${fileObjects} objects: ${fileFailures} error(s)`);
  objects += fileObjects;
  failures += fileFailures;
  if (fileObjects === 0) emptyFiles++;
}
console.log(`validated ${objects} objects in ${files.length} file(s): ${failures} error(s)`);
process.exit(failures === 0 && emptyFiles === 0 ? 0 : 1);
