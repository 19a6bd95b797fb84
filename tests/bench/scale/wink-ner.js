// SPDX-License-Identifier: MIT
// wink-nlp NER alone (wink-eng-lite-web-model) over the text files named on
// the command line, all in this one node process; called by ./run with
// NODE_PATH=../ner-peers/node_modules (the pinned install). A file in the
// corpus's plain-text form loses its "key: value" header up to the "---"
// line, so wink reads the body newsgraph reads. Prints one JSON object:
// files, body bytes, sentences and entities wink found, start-up (require
// and model load) and processing wall/CPU seconds.
'use strict';
const fs = require('fs');

const t00 = process.hrtime.bigint();
const c00 = process.cpuUsage();
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;
const startup = Number(process.hrtime.bigint() - t00) / 1e9;
const startupCpu = (() => {
  const c = process.cpuUsage(c00);
  return (c.user + c.system) / 1e6;
})();

const files = process.argv.slice(2);
let bytes = 0;
let sentences = 0;
let entities = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const f of files) {
  let text = fs.readFileSync(f, 'utf8');
  const cut = text.indexOf('\n---\n');
  if (cut >= 0 && cut < 2000) {
    text = text.slice(cut + 5);
  }
  bytes += Buffer.byteLength(text);
  const doc = nlp.readDoc(text);
  entities += doc.entities().out(its.detail).length;
  sentences += doc.sentences().length();
}
const c1 = process.cpuUsage(c0);
console.log(JSON.stringify({
  files: files.length, bytes, sentences, entities,
  startup_s: startup, startup_cpu_s: startupCpu,
  seconds: Number(process.hrtime.bigint() - t0) / 1e9,
  cpu: (c1.user + c1.system) / 1e6,
}));
