// An outside government system, as the tests see it: connects with its own credentials, reads its
// own queue, and checks every CloudEvent against the JSON Schema served at the event's dataschema URL.
// Prints one JSON line per event and a final summary line; exits 0 when every expected type arrived
// and nothing was rejected.
//
//   AMQP_URL=amqp://user:pass@host:port/ QUEUE=lishui.public.sub.x EXPECT=type1,type2 TIMEOUT_MS=60000 node subscriber.mjs
import amqp from 'amqplib';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const { AMQP_URL, QUEUE } = process.env;
const expected = new Set((process.env.EXPECT ?? '').split(',').filter(Boolean));
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 60000);

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map();
async function validatorFor(url) {
  if (!validators.has(url)) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    const schema = await response.json();
    validators.set(url, ajv.compile(schema));
  }
  return validators.get(url);
}

const envelopeErrors = (e) => {
  const errors = [];
  if (e.specversion !== '1.0') errors.push('specversion is not 1.0');
  for (const field of ['id', 'source', 'type', 'subject', 'time', 'dataschema', 'dataclassification']) {
    if (typeof e[field] !== 'string' || e[field].length === 0) errors.push(`${field} missing`);
  }
  if (!['public', 'internal', 'confidential', 'restricted'].includes(e.dataclassification)) errors.push('dataclassification unknown');
  if (Number.isNaN(Date.parse(e.time))) errors.push('time is not a date-time');
  return errors;
};

const seen = new Set();
const received = new Set();
let rejected = 0;
let duplicates = 0;

const connection = await amqp.connect(AMQP_URL);
const channel = await connection.createChannel();
await channel.prefetch(20);

const finish = async (code) => {
  console.log(JSON.stringify({ summary: true, received: [...received], rejected, duplicates, missing: [...expected].filter((t) => !received.has(t)) }));
  try { await channel.close(); await connection.close(); } catch { /* already closed */ }
  process.exit(code);
};
setTimeout(() => finish(2), timeoutMs);

await channel.consume(QUEUE, async (message) => {
  let event;
  try {
    if (message.properties.contentType !== 'application/cloudevents+json') throw new Error(`content type ${message.properties.contentType}`);
    event = JSON.parse(message.content.toString('utf8'));
    const errors = envelopeErrors(event);
    const validate = await validatorFor(event.dataschema);
    if (!validate(event.data)) errors.push(...validate.errors.map((e) => `data${e.instancePath} ${e.message}`));
    if (errors.length > 0) throw new Error(errors.join('; '));
  } catch (error) {
    rejected++;
    console.log(JSON.stringify({ id: event?.id, type: event?.type, valid: false, error: String(error.message ?? error) }));
    channel.nack(message, false, false);
    return;
  }

  // At-least-once delivery: the id is the same on every redelivery and replay.
  if (seen.has(event.id)) duplicates++;
  seen.add(event.id);
  received.add(event.type);
  console.log(JSON.stringify({ id: event.id, type: event.type, subject: event.subject, valid: true }));
  channel.ack(message);
  if (expected.size > 0 && [...expected].every((t) => received.has(t))) await finish(rejected === 0 ? 0 : 1);
});
