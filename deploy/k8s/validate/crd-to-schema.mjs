// Turns published CustomResourceDefinitions into the JSON schemas validate.mjs checks custom
// resources against: node crd-to-schema.mjs <crd.yaml>... (writes schemas/<group>/<Kind>.<version>.json).
// Run it when an operator's version changes, with that release's CRD files, and update SOURCES.md.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), "schemas");

// Descriptions are most of a CRD's bytes and play no part in validation.
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "description" && typeof value === "string") continue;
    out[key] = strip(value);
  }
  return out;
}

for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions) {
      if (!version.served || !version.schema?.openAPIV3Schema) continue;
      const target = join(schemasDir, crd.spec.group, `${crd.spec.names.kind}.${version.name}.json`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(strip(version.schema.openAPIV3Schema)) + "\n");
      console.log(`${file}: ${crd.spec.group}/${version.name} ${crd.spec.names.kind} -> ${target}`);
    }
  }
}
