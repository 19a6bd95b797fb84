// SPDX-License-Identifier: MIT
// Validates RDF files (Turtle, TriG, N-Triples or N-Quads, by extension)
// against SHACL shapes with rdf-validate-shacl, an independent validator.
// Each named graph (article) is validated on its own, the way the shapes
// describe one article graph; triples in the default graph form one more.
// The ontology is added to each data graph (as pyshacl -e does), since
// sh:class follows rdfs:subClassOf in the data graph only (SHACL §2.1.3.3
// "SHACL instance"). owl:imports of the shapes are resolved to ONTOLOGY.ttl
// for the project's vocabulary IRI, never fetched. Prints one line per
// result: "violation GRAPH FOCUS PATH CONSTRAINT: MESSAGE", then a summary;
// exits 1 when some graph does not conform, 2 on a usage or parse error.
// usage: node validate.mjs SHAPES.ttl ONTOLOGY.ttl DATA...
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'

const [shapesPath, ontologyPath, ...dataPaths] = process.argv.slice(2)
if (!shapesPath || !ontologyPath || dataPaths.length === 0) {
  console.error('usage: node validate.mjs SHAPES.ttl ONTOLOGY.ttl DATA...')
  process.exit(2)
}

const read = async path => rdf.dataset().import(rdf.fromFile(path))
const triples = quads => quads.map(q => rdf.quad(q.subject, q.predicate, q.object))

try {
  const shapes = await read(shapesPath)
  const ontology = triples([...await read(ontologyPath)])
  const importGraph = async url => {
    if ((url.value ?? String(url)) !== 'https://w3id.org/newsgraph/ns') {
      throw new Error(`will not fetch owl:imports ${url.value ?? url}`)
    }
    return rdf.dataset(ontology)
  }
  const graphs = new Map()
  for (const p of dataPaths) {
    for (const q of await read(p)) {
      const g = q.graph.termType === 'DefaultGraph' ? '(default graph)' : q.graph.value
      if (!graphs.has(g)) graphs.set(g, [])
      graphs.get(g).push(q)
    }
  }
  let results = 0
  let bad = 0
  let size = 0
  for (const [g, quads] of [...graphs].sort()) {
    const data = rdf.dataset([...ontology, ...triples(quads)])
    size += quads.length
    const validator = new SHACLValidator(shapes, { factory: rdf, importGraph })
    const report = await validator.validate(data)
    if (!report.conforms) bad++
    for (const r of report.results) {
      results++
      console.log(`violation ${g} ${r.focusNode?.value} ` +
        `${r.path?.value ?? '-'} ` +
        `${r.sourceConstraintComponent?.value.replace(/.*#/, 'sh:')}: ` +
        `${r.message.map(m => m.value).join('; ')}`)
    }
  }
  console.log(`${graphs.size} graphs, ${size} quads: ${graphs.size - bad} ` +
    `conform, ${bad} do not (${results} results)`)
  process.exit(bad ? 1 : 0)
} catch (e) {
  console.error(`cannot validate: ${e.message}`)
  process.exit(2)
}
