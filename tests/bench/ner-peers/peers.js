// SPDX-License-Identifier: MIT
// Named entities of the peer tools (wink-nlp with wink-eng-lite-web-model,
// compromise) for each text file named on the command line; called by ./run.
// Writes one JSON object to standard output: per tool, the start-up time
// (require and model load), the processing time, and per file the mentions
// as [surface text, coarse type or "*"] ("*" matches any gold type).
'use strict';
const fs = require('fs');
const path = require('path');

const files = process.argv.slice(2);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const key = (f) => path.basename(f, '.txt');
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function winkRun() {
  let t0 = process.hrtime.bigint();
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  const startup = ms(t0);
  // The lite web model's NER knows DATE, TIME, MONEY, CARDINAL ... but no
  // PERSON / ORG / GPE type; such types would map here if it reported them.
  const TYPES = { PERSON: 'Person', ORG: 'Organization', GPE: '*',
    LOC: 'Place', NORP: null, FAC: 'Place' };
  const ner = {};
  const propn = {};
  const seen = new Set();
  t0 = process.hrtime.bigint();
  texts.forEach((text, i) => {
    const doc = nlp.readDoc(text);
    const ents = doc.entities().out(its.detail);
    ner[key(files[i])] = [];
    for (const e of ents) {
      seen.add(e.type);
      if (TYPES[e.type]) ner[key(files[i])].push([e.value, TYPES[e.type]]);
    }
    // Maximal runs of proper-noun tokens: the names wink's tagger sees,
    // without a type.
    const toks = doc.tokens().out();
    const pos = doc.tokens().out(its.pos);
    const runs = [];
    let cur = [];
    for (let j = 0; j <= toks.length; j++) {
      if (j < toks.length && pos[j] === 'PROPN') {
        cur.push(toks[j]);
      } else if (cur.length) {
        runs.push([cur.join(' '), '*']);
        cur = [];
      }
    }
    propn[key(files[i])] = runs;
  });
  const proc = ms(t0);
  return [
    { tool: 'wink-nlp NER', startup_ms: startup, process_ms: proc,
      entity_types_seen: [...seen].sort(), mentions: ner },
    { tool: 'wink-nlp PROPN runs (untyped)', startup_ms: startup,
      process_ms: proc, mentions: propn },
  ];
}

function compromiseRun() {
  let t0 = process.hrtime.bigint();
  const nlp = require('compromise');
  const startup = ms(t0);
  const out = {};
  t0 = process.hrtime.bigint();
  texts.forEach((text, i) => {
    const doc = nlp(text);
    const m = [];
    for (const p of doc.people().json()) m.push([p.text, 'Person']);
    for (const o of doc.organizations().json()) {
      m.push([o.text, 'Organization']);
    }
    for (const p of doc.places().json({ terms: { tags: true } })) {
      const tags = new Set(p.terms.flatMap((t) => t.tags || []));
      const type = tags.has('Country') ? 'Country'
        : tags.has('City') ? 'City' : '*place';
      m.push([p.text, type]);
    }
    out[key(files[i])] = m;
  });
  return [{ tool: 'compromise', startup_ms: startup, process_ms: ms(t0),
    mentions: out }];
}

const which = process.env.PEERS || 'wink,compromise';
let result = [];
if (which.includes('wink')) result = result.concat(winkRun());
if (which.includes('compromise')) result = result.concat(compromiseRun());
process.stdout.write(JSON.stringify(result));
