// SPDX-License-Identifier: MIT
// Readability.js with jsdom on every page named on the command line, in
// this one process: prints the wall and CPU seconds spent parsing and
// extracting (jsdom parse + Readability.parse()), not counting node's
// start-up.
'use strict';
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const files = process.argv.slice(2);
const html = files.map((f) => fs.readFileSync(f, 'utf8'));
const quiet = new VirtualConsole(); // CSS and script errors of the pages
let failed = 0;
let chars = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const h of html) {
  try {
    const dom = new JSDOM(h, { url: 'https://bench.example/', virtualConsole: quiet });
    const art = new Readability(dom.window.document).parse();
    if (art && art.textContent) {
      chars += art.textContent.length;
    } else {
      failed++;
    }
    dom.window.close();
  } catch (e) {
    failed++;
  }
}
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage(c0);
console.log(JSON.stringify({ pages: files.length, failed, chars,
                             seconds: Number(t1 - t0) / 1e9,
                             cpu: (c1.user + c1.system) / 1e6 }));
